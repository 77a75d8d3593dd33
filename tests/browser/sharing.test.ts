import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser';

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

describeInBrowser('deep links, sharing and citation', ({ newPage, url }) => {
  const readerPage = async (path: string, options = {}) => {
    const page = await newPage({
      viewport: { width: 1280, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
      ...options,
    });
    await page.goto(url(path));
    return page;
  };

  it('copies a paragraph’s absolute URL from its ¶ number and announces it', async () => {
    const page = await readerPage('china-united-front/sharp-power/');
    const number = page.locator('#p-2 > a.para-link');
    await expect(number.evaluate((el) => getComputedStyle(el, '::before').content)).resolves.toBe('"¶\u00a02"');
    await number.click();
    await expect.poll(() => clipboard(page)).toBe(url('china-united-front/sharp-power/#p-2'));
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Link copied');
    expect(page.url()).toBe(url('china-united-front/sharp-power/#p-2'));
  });

  it('shows a heading’s link control on focus, and it copies the heading’s URL', async () => {
    const page = await readerPage('china-united-front/sharp-power/');
    const control = page.getByRole('link', { name: 'Link to this section: A period of experimentation' });
    await expect(control.evaluate((el) => getComputedStyle(el).opacity)).resolves.toBe('0');
    await control.focus();
    await expect.poll(() => control.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => clipboard(page)).toBe(url('china-united-front/sharp-power/#period-of-experimentation'));
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Link copied');
  });

  it('copies paragraph links with the section prefix on the all-on-one page', async () => {
    const page = await readerPage('china-united-front/all/');
    await page.locator('#sharp-power-p-1 > a.para-link').click();
    await expect.poll(() => clipboard(page)).toBe(url('china-united-front/all/#sharp-power-p-1'));
  });

  it('offers “Copy link to selection”, giving a text fragment URL that opens at that text', async () => {
    const page = await readerPage('china-united-front/sharp-power/');
    const button = page.getByRole('button', { name: 'Copy link to selection' });
    await expect(button.isVisible()).resolves.toBe(false);
    await page.locator('#p-2').evaluate((p) => {
      const text = [...p.childNodes].find(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('period of experimentation'),
      )!;
      const start = text.textContent!.indexOf('period of experimentation');
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + 'period of experimentation'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await button.waitFor({ state: 'visible' });
    await button.click();
    // The same words begin a heading above; the prefix leads to this passage.
    const copied = url('china-united-front/sharp-power/#:~:text=as%20an%20important-,period%20of%20experimentation');
    await expect.poll(() => clipboard(page)).toBe(copied);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Link copied');

    const reader = await newPage({ viewport: { width: 1280, height: 500 } });
    await reader.goto(copied);
    await expect
      .poll(() => reader.locator('#p-2').evaluate((el) => el.getBoundingClientRect().top), { timeout: 5000 })
      .toBeLessThan(500);
  });

  it('fills in the reader’s access date and copies a citation', async () => {
    const page = await readerPage('china-united-front/');
    // Citations give the canonical URL (READER_SITE), not the address of this test server.
    const canonical = 'http://localhost:4321/china-united-front/';
    const today = await page.evaluate(() =>
      new Date().toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' }),
    );
    await expect(page.locator('#cite-apa').textContent()).resolves.toContain(`Retrieved ${today}, from ${canonical}`);
    await page.locator('[data-copy="cite-chicago"]').click();
    await expect.poll(() => clipboard(page)).toContain(`Accessed ${today}. ${canonical}.`);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Citation copied');
  });

  it('shows the webinar in the reader’s own time zone', async () => {
    const page = await readerPage('china-united-front/rwchr-event/', { timezoneId: 'Europe/Paris', locale: 'en-US' });
    const local = page.locator('[data-local-time]');
    // 17:00–20:00 EDT is 23:00–02:00 in Paris: the end falls on the next day, and says so; in the site's date
    // style whatever the browser's locale.
    await expect
      .poll(() => local.textContent())
      .toMatch(/^In your time zone: Tuesday, 9 June 2020, 23:00 CEST\s–\sWednesday, 10 June 2020, 02:00 CEST$/);
    await expect(local.isVisible()).resolves.toBe(true);
  });

  it('without JavaScript, the ¶ numbers are plain links and the citation says where the date goes', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(url('china-united-front/sharp-power/'));
    await page.locator('#p-2 > a.para-link').click();
    expect(page.url()).toBe(url('china-united-front/sharp-power/#p-2'));
    await expect(page.locator('#cite-apa').textContent()).resolves.toContain('Retrieved [date you read it], from');
    await expect(page.locator('[data-copy="cite-apa"]').isVisible()).resolves.toBe(false);
  });
});
