import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser';

describeInBrowser('people, organisations and concepts', ({ newPage, url }) => {
  it('opens a mention’s card from the keyboard and closes it with Escape, back on its name', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url('china-united-front/sharp-power/'));
    const button = page.getByRole('button', { name: 'About Kristine Lee' });
    const name = page.locator('article .mention[data-entity="kristine-lee"]');
    await button.focus();
    const card = page.locator('#entity-card-kristine-lee');
    expect(await card.isVisible()).toBe(false);
    // The button is the name itself: it covers the printed words.
    const [nameBox, buttonBox] = [await name.boundingBox(), await button.boundingBox()];
    expect(buttonBox!.x).toBeCloseTo(nameBox!.x, 0);
    expect(buttonBox!.width).toBeCloseTo(nameBox!.width, 0);

    await page.keyboard.press('Enter');
    await card.waitFor({ state: 'visible' });
    expect(await card.textContent()).toContain('Fellow at the Center for a New American Security.');
    const cardBox = await card.boundingBox();
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

  it('opens a card when the name is tapped, anywhere on a name that wraps, and closes it with its Close button', async () => {
    const page = await newPage({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
    await page.goto(url('china-united-front/united-front-work-department/'));
    const name = page.locator('article .mention[data-entity="united-front-work-department"]');
    const card = page.getByRole('dialog', { name: /United Front Work Department/ });
    const fragments = await name.evaluate((el) =>
      [...el.getClientRects()].map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
    );
    expect(fragments.length, 'the name wraps at 390 px').toBeGreaterThan(1);
    for (const r of fragments) {
      for (const x of [r.x + 4, r.x + r.w - 4]) {
        await page.touchscreen.tap(x, r.y + r.h / 2);
        await card.waitFor({ state: 'visible' });
        const box = await card.boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
        await card.getByRole('button', { name: 'Close' }).tap();
        await card.waitFor({ state: 'hidden' });
      }
    }
  });

  it('opens a card without JavaScript (a native popover), whose link leads to every mention of the entity', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(url('china-united-front/joske-recommendations/'));
    await page.locator('article .mention', { hasText: 'Alex Joske' }).click();
    await page.getByRole('link', { name: 'Every mention of Alex Joske' }).click();
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
