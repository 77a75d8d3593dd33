// Search on a slow phone: Chromium throttled to 4× slower CPU and a fast-3G-like network (150 ms latency,
// 1.6 Mbit/s each way). Each of the three ways to open search is used, and the query typed at once, with no
// wait: no keystroke may be lost while the search code and index load behind the box.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser';
import { throttleLikeASlowPhone } from '../support/slow-phone';

const WAYS: [string, (page: Page) => Promise<void>][] = [
  ['"/"', (page) => page.keyboard.press('/')],
  ['Ctrl-K', (page) => page.keyboard.press('Control+k')],
  ['the header’s Search button', (page) => page.locator('.site-header [data-search-open]').click()],
];

describeInBrowser('search on a slow phone', ({ newPage, url }) => {
  it.each(WAYS)(
    'opened with %s, keeps every letter typed at once and shows the first result',
    async (_, open) => {
      const page = await newPage();
      await throttleLikeASlowPhone(page);
      await page.goto(url('china-united-front/sharp-power/'));
      await open(page);
      await page.keyboard.type('Joske');
      const input = page.locator('.search-dialog input[type="search"]');
      expect(await input.inputValue()).toBe('Joske');
      const first = page.locator('.search-dialog .result-link').first();
      await first.waitFor({ timeout: 25_000 });
      expect(await first.textContent()).toBe('Alex Joske’s report and recommendations');
      expect(await input.inputValue()).toBe('Joske');
    },
    40_000,
  );
});
