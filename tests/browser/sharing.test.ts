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

  /**
   * Selects the text of paragraph `from` starting `at` characters in, up to `to` characters into paragraph `until`
   * (the same paragraph by default), as a reader's drag would, mid-word or not.
   */
  const select = (page: Page, from: string, at: number, to: number, until = from) =>
    page.evaluate(
      ([from, at, to, until]) => {
        const point = (id: string, offset: number): [Node, number] => {
          const walker = document.createTreeWalker(document.getElementById(id)!, NodeFilter.SHOW_TEXT);
          let left = offset;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (left <= node.textContent!.length) return [node, left];
            left -= node.textContent!.length;
          }
          throw new Error(`#${id} has no character ${offset}`);
        };
        const range = document.createRange();
        range.setStart(...point(from as string, at as number));
        range.setEnd(...point(until as string, to as number));
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return range.toString();
      },
      [from, at, to, until] as const,
    );

  // Each selection: on /sharp-power/, the words of a heading above, inside a paragraph, then the same starting and
  // ending mid-word; on /joske-recommendations/, a word that recurs all over the page, and a passage across two
  // paragraphs from mid-word to mid-word.
  const SHARP = 'china-united-front/sharp-power/';
  const JOSKE = 'china-united-front/joske-recommendations/';
  const SELECTIONS: [string, string, (text: string) => [number, number], string?][] = [
    [SHARP, 'p-2', (t) => [t.indexOf('period of experimentation'), t.indexOf('period of experimentation') + 25]],
    [SHARP, 'p-2', (t) => [t.indexOf('period of experimentation') + 2, t.indexOf('period of experimentation') + 22]],
    [JOSKE, 'p-4', (t) => [t.indexOf(' the ') + 1, t.indexOf(' the ') + 4]],
    [JOSKE, 'p-5', (t) => [Math.floor(t.length / 2) + 1, 40], 'p-6'],
  ];

  it.for(SELECTIONS.map((selection, i) => [i + 1, selection] as const))(
    '“Copy link to selection” gives a link that opens at the selected text, mid-word or not (selection %i)',
    async ([, [path, from, span, until]]) => {
      const page = await readerPage(path);
      const button = page.getByRole('button', { name: 'Copy link to selection' });
      await expect(button.isVisible()).resolves.toBe(false);
      const text = (await page.locator(`#${from}`).textContent())!;
      const [at, to] = span(text);
      const selected = await select(page, from, at, to, until);
      await button.waitFor({ state: 'visible' });
      await button.click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Link copied');
      const copied = await clipboard(page);
      expect(copied.startsWith(url(`${path}#:~:text=`)), copied).toBe(true);

      // Opened in a short window, the link scrolls the selected text into view (Chromium ignores a fragment that
      // does not match whole words, and one that matches elsewhere first scrolls elsewhere).
      const reader = await newPage({ viewport: { width: 1280, height: 500 } });
      await reader.goto(copied);
      await expect
        .poll(() => reader.locator(`#${from}`).evaluate((el) => el.getBoundingClientRect().top), { timeout: 5000 })
        .toBeLessThan(500);
      expect(
        await reader.locator(`#${from}`).evaluate((el) => el.getBoundingClientRect().bottom),
        `${selected} → ${copied}`,
      ).toBeGreaterThan(0);
    },
  );

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
