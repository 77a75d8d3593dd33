import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser';

/** The element's top once scrolling (smooth or not) has come to rest. */
async function settledTop(page: Page, selector: string): Promise<number> {
  let last = NaN;
  for (let i = 0; i < 40; i++) {
    const top = await page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
    if (top === last) return top;
    last = top;
    await page.waitForTimeout(100);
  }
  return last;
}

describeInBrowser('reading and deep links', ({ newPage, url }) => {
  it('opens a deep link to a heading with the heading in view, below the sticky header', async () => {
    const page = await newPage({ viewport: { width: 390, height: 700 } });
    await page.goto(url('china-united-front/rwchr-event/#registration-and-co-sponsors'));
    const top = await settledTop(page, '#registration-and-co-sponsors');
    const header = await page.locator('.site-header').boundingBox();
    expect(top).toBeGreaterThanOrEqual(header!.y + header!.height - 1);
    expect(top).toBeLessThan(700 / 2);
  });

  it('opens a section of the all-in-one page at its anchor', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    await page.goto(url('china-united-front/all/#sharp-power'));
    const top = await settledTop(page, '#sharp-power');
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(800 / 2);
  });

  it('reads a section with JavaScript turned off', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(url('china-united-front/sharp-power/'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Sharp power');
    await expect(page.locator('article').textContent()).resolves.toContain('Kristine Lee');
  });
});
