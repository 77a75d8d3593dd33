// Every place that reflects a URL parameter or the hash into the page, fed hostile values: no script runs and no
// markup is injected. To cover a new place, add an entry to REFLECTORS.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser';
import { watchProblems } from '../support/page-problems';

declare global {
  interface Window {
    __pwned?: boolean;
  }
}

const HOSTILE = [
  '<img src=x onerror="window.__pwned=true">',
  '"><svg onload="window.__pwned=true"><x-injected>',
  "'><script>window.__pwned=true</script>",
  'javascript:window.__pwned=true',
  '</pagefind-results><x-injected></x-injected>',
  '{{constructor.constructor("window.__pwned=true")()}}',
  '%3Cx-injected%3E',
];

interface Reflector {
  name: string;
  /** The page's path with the hostile value in place. */
  path: (value: string) => string;
  /** Waits until the page has reflected the value (e.g. search has run). */
  settle?: (page: Page) => Promise<void>;
}

const REFLECTORS: Reflector[] = [
  {
    name: 'search query (?q=)',
    path: (value) => `search/?q=${encodeURIComponent(value)}`,
    settle: (page) => page.locator('.search-status').filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 }),
  },
  { name: 'section hash', path: (value) => `china-united-front/sharp-power/#${encodeURIComponent(value)}` },
  { name: 'search hash', path: (value) => `search/?q=sharp#${encodeURIComponent(value)}` },
  {
    name: 'landing highlight (?highlight=)',
    path: (value) => `china-united-front/sharp-power/?highlight=${encodeURIComponent(value)}`,
  },
  {
    name: 'search filter (?section=)',
    path: (value) => `search/?q=china&section=${encodeURIComponent(value)}`,
    settle: (page) => page.locator('.search-status').filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 }),
  },
];

describeInBrowser(
  'hostile URL parameters and hashes',
  ({ newPage, url, withPage }) => {
    // In pages handed from test to test: each test only navigates and reads.
    it.for(REFLECTORS.flatMap((r) => HOSTILE.map((value) => [r.name, value, r] as const)))(
      '%s: %s runs no script and injects no markup',
      async ([, value, reflector], { expect }) =>
        withPage({}, async (page) => {
          const problems = await watchProblems(page, new URL(url()).origin);
          try {
            await page.goto(url(reflector.path(value)));
            await reflector.settle?.(page);
            await page.waitForLoadState('networkidle');
            expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
            expect(await page.locator('x-injected, img[src="x"], svg[onload]').count()).toBe(0);
            expect(await problems.list()).toEqual([]);
          } finally {
            problems.stop();
          }
        }),
    );

    it('shows the hostile query as text in the search box', async () => {
      const page = await newPage();
      await page.goto(url(`search/?q=${encodeURIComponent(HOSTILE[0])}`));
      await expect
        .poll(() => page.locator('.search-page input[type="search"]').inputValue(), { timeout: 10_000 })
        .toBe(HOSTILE[0]);
    });
  },
  { headersFile: true },
);
