// One page of each template under the real policy (every page's policy and inline hashes are read from the HTML in
// tests/build/security.test.ts): served with the headers of dist/_headers (and so the build's CSP) and the
// <meta> policy in the page, with no CSP violation, console error or request to another host. Search runs too.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser';
import { pagesByTemplate } from '../support/dist';
import { watchProblems } from '../support/page-problems';

const pages = pagesByTemplate().map((file) => file.replace(/index\.html$/, ''));

describeInBrowser(
  'security headers and Content-Security-Policy',
  ({ newPage, url, withPage }) => {
    it('sends the headers of _headers with every page', async () => {
      const page = await newPage();
      const response = await page.goto(url('china-united-front/sharp-power/'));
      const headers = response!.headers();
      expect(headers['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
    });

    it.each(pages)('loads /%s with no CSP violation, console error or third-party request', async (path) => {
      await withPage({}, async (page) => {
        const problems = await watchProblems(page, new URL(url()).origin);
        try {
          await page.goto(url(path), { waitUntil: 'networkidle' });
          expect(await problems.list()).toEqual([]);
        } finally {
          problems.stop();
        }
      });
    });

    it('runs search under the policy: Pagefind, its WebAssembly and results, from ?q= and from typing', async () => {
      const page = await newPage();
      const problems = await watchProblems(page, new URL(url()).origin);
      await page.goto(url('search/?q=united+front'));
      await page.locator('.results .result-link').first().waitFor({ timeout: 10_000 });
      await page.locator('.search-page input[type="search"]').fill('sharp power');
      await expect
        .poll(() => page.locator('.results .result-link').first().textContent(), { timeout: 10_000 })
        .toBe('Sharp power');
      await page.waitForLoadState('networkidle');
      expect(await problems.list()).toEqual([]);
    });

    it('opens the search dialog on a section page and searches under the policy', async () => {
      const page = await newPage();
      const problems = await watchProblems(page, new URL(url()).origin);
      await page.goto(url('china-united-front/sharp-power/'));
      await page.locator('.site-header [data-search-open]').click();
      await page.locator('.search-dialog input[type="search"]').fill('wolf warrior');
      await page.locator('.search-dialog .result-link').first().waitFor({ timeout: 10_000 });
      expect(await problems.list()).toEqual([]);
    });

    it('is enforced: an injected inline script is blocked and reported (so the checks above can fail)', async () => {
      const page = await newPage();
      const problems = await watchProblems(page, new URL(url()).origin);
      await page.goto(url('china-united-front/sharp-power/'));
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'document.title = "pwned"';
        document.body.append(script);
      });
      await expect.poll(async () => (await problems.list()).join('\n')).toMatch(/CSP: script-src-elem blocked inline/);
      expect(await page.title()).not.toBe('pwned');
    });
  },
  { headersFile: true },
);
