import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser';

describeInBrowser('people, organisations and concepts', ({ newPage, url }) => {
  it('opens a mention’s card from the keyboard and closes it with Escape, back on its button', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url('china-united-front/sharp-power/'));
    await page.locator('a.mention[data-entity="kristine-lee"]').focus();
    await page.keyboard.press('Tab');
    const button = page.getByRole('button', { name: 'About Kristine Lee' });
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    const card = page.locator('#entity-card-kristine-lee');
    expect(await card.isVisible()).toBe(false);

    await page.keyboard.press('Enter');
    await card.waitFor({ state: 'visible' });
    expect(await card.textContent()).toContain('Fellow at the Center for a New American Security.');
    const [cardBox, buttonBox] = [await card.boundingBox(), await button.boundingBox()];
    // Beside the name (below it, or above when there is no room below), not elsewhere on the page.
    const gap = Math.min(
      Math.abs(cardBox!.y - (buttonBox!.y + buttonBox!.height)),
      Math.abs(buttonBox!.y - (cardBox!.y + cardBox!.height)),
    );
    expect(gap).toBeLessThan(24);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Every mention of Kristine Lee');

    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('closes a card with its Close button', async () => {
    const page = await newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(url('china-united-front/joske-recommendations/'));
    await page.getByRole('button', { name: 'About Alex Joske' }).click();
    const card = page.getByRole('dialog', { name: /Alex Joske/ });
    await card.waitFor({ state: 'visible' });
    const box = await card.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await card.getByRole('button', { name: 'Close' }).click();
    await card.waitFor({ state: 'hidden' });
  });

  it('follows a mention as a plain link without JavaScript, to every mention of the entity', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(url('china-united-front/joske-recommendations/'));
    await page.locator('article a.mention', { hasText: 'Alex Joske' }).click();
    await page.waitForURL(/\/entities\/alex-joske\/$/);
    expect(await page.locator('h1').textContent()).toBe('Alex Joske');
    await page.locator('.entity-mention a').first().click();
    await page.waitForURL(/\/china-united-front\/joske-recommendations\/#co-opting-groups$/);
  });

  it('narrows search results to the sections that mention Alex Joske', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url('search/?q=china'));
    const titles = page.locator('.results .result-link');
    await titles.first().waitFor({ timeout: 10_000 });
    await expect.poll(() => titles.count()).toBe(5);

    await page.getByText('Filter by section, person, organisation or concept').click();
    await page
      .getByRole('group', { name: 'Person' })
      .getByRole('checkbox', { name: /Alex Joske/ })
      .check();
    await expect.poll(() => titles.count()).toBe(1);
    expect(await titles.first().textContent()).toBe('Alex Joske’s report and recommendations');
    expect(page.url()).toContain('person=Alex+Joske');
    await page
      .getByRole('group', { name: 'Person' })
      .getByRole('checkbox', { name: /Alex Joske/ })
      .uncheck();
    await expect.poll(() => titles.count()).toBe(5);
  });
});
