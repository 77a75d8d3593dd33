// Search in a library larger than one screen of results: a synthetic library (tools/scale-library.ts, the one
// `npm run bench:scale` uses) built into its own folder from a scratch copy of the project. Results come ten at a
// time, and a result's text (its Pagefind fragment) is fetched only when its card is shown.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildVocabulary, seededRandom } from '../../tools/scale-library';
import { describeInBrowser } from '../support/browser';
import { buildSyntheticSite, syntheticSiteFolder } from '../support/synthetic-site';

const SEED = 7;
const { root: ROOT, out: OUT } = syntheticSiteFolder('paging');
/** The library's most common word: in nearly every one of its 30 sections. */
const WORD = buildVocabulary(seededRandom(SEED)).words[0];

beforeAll(() => buildSyntheticSite(ROOT, 6, SEED), 180_000);

/** The filter a Pagefind filter file holds: its name is the first string after the signature (CBOR, a short text). */
function filterName(path: string): string {
  const bytes = gunzipSync(readFileSync(join(OUT, path))).subarray('pagefind_dcd'.length);
  const length = bytes[1] - 0x60; // bytes[0] opens a pair; a text of under 24 bytes is 0x60 + its length
  return bytes.subarray(2, 2 + length).toString('utf8');
}

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describeInBrowser(
  'search in a larger library',
  ({ newPage, url }) => {
    it('shows ten results, fetches only their text, and "Show more results" adds the next ten and moves focus', async () => {
      const page = await newPage();
      const fragments: string[] = [];
      page.on('requestfinished', (r) => (r.url().endsWith('.pf_fragment') ? fragments.push(r.url()) : undefined));
      await page.goto(url(`search/?q=${WORD}`));
      const links = page.locator('.results .result-link');
      await links.first().waitFor({ timeout: 10_000 });
      const status = (await page.locator('.search-status').textContent())!;
      const total = Number(status.match(/^(\d+) results/)?.[1]);
      expect(total, status).toBeGreaterThan(20);
      expect(await links.count()).toBe(10);
      await page.waitForLoadState('networkidle');
      expect(fragments).toHaveLength(10);

      const more = page.getByRole('button', { name: `Show more results (${total - 10} more)` });
      await more.click();
      await expect.poll(() => links.count()).toBe(20);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await links.nth(10).textContent());
      await page.waitForLoadState('networkidle');
      expect(fragments).toHaveLength(20);
    });

    it('filters a library of more than a handful of briefings by briefing, each with its count, not by section', async () => {
      const page = await newPage();
      const filters: string[] = [];
      page.on('requestfinished', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.endsWith('.pf_filter')) filters.push(filterName(path.slice(1)));
      });
      await page.goto(url(`search/?q=${WORD}`));
      await page.locator('.results .result-link').first().waitFor({ timeout: 10_000 });
      await page.waitForLoadState('networkidle');
      // The filters' values and counts are fetched when the reader opens them, and only for the filters shown.
      expect(filters).toEqual([]);
      await page.locator('.search-filters summary').click();
      expect(await page.getByRole('group', { name: 'Section' }).count()).toBe(0);
      const briefings = page.getByRole('group', { name: 'Briefing' }).getByRole('checkbox');
      await expect.poll(() => briefings.count()).toBe(6);
      expect(filters.sort()).toEqual(['briefing', 'concept', 'organisation', 'person']);
      const first = page.getByRole('group', { name: 'Briefing' }).locator('label').first();
      const [, title, count] = (await first.textContent())!.match(/^(.+) \((\d+)\)$/)!;
      await first.getByRole('checkbox').check();
      await expect.poll(() => page.url()).toContain(`briefing=${encodeURIComponent(title).replace(/%20/g, '+')}`);
      await expect
        .poll(() => page.locator('.search-page .search-status').textContent())
        .toBe(`${count} result${count === '1' ? '' : 's'} for “${WORD}”.`);
    });
  },
  { root: OUT },
);
