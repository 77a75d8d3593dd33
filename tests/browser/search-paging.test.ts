// Search in a library larger than one screen of results: a synthetic library (scripts/scale-library.ts, the one
// `npm run bench:scale` uses) built into its own folder from a scratch copy of the project. Results come ten at a
// time, and a result's text (its Pagefind fragment) is fetched only when its card is shown.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildVocabulary, seededRandom, writeSyntheticLibrary } from '../../scripts/scale-library';
import { describeInBrowser } from '../support/browser';

const SEED = 7;
const ROOT = mkdtempSync(join(tmpdir(), 'reader-paging-'));
const OUT = join(ROOT, 'dist');
/** The library's most common word: in nearly every one of its 30 sections. */
const WORD = buildVocabulary(seededRandom(SEED)).words[0];

beforeAll(() => {
  const project = join(ROOT, 'project');
  mkdirSync(project);
  const here = resolve(import.meta.dirname, '../..');
  for (const entry of ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    cpSync(join(here, entry), join(project, entry), { recursive: true });
  symlinkSync(join(here, 'node_modules'), join(project, 'node_modules'), 'dir');
  writeSyntheticLibrary(join(ROOT, 'content'), 6, SEED);
  const build = spawnSync(process.execPath, ['scripts/build.ts', '--silent'], {
    cwd: project,
    env: { ...process.env, READER_CONTENT_DIR: join(ROOT, 'content'), READER_OUT_DIR: OUT, READER_BASE: '' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the synthetic library did not build:\n${build.stderr.slice(-3000)}`);
}, 180_000);

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
      await page.goto(url(`search/?q=${WORD}`));
      await page.locator('.results .result-link').first().waitFor({ timeout: 10_000 });
      await page.locator('.search-filters summary').click();
      expect(await page.getByRole('group', { name: 'Section' }).count()).toBe(0);
      const briefings = page.getByRole('group', { name: 'Briefing' }).getByRole('checkbox');
      expect(await briefings.count()).toBe(6);
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
