// The search-quality part of `npm run bench`: the judged query set (tests/support/judged-queries.ts) run through
// each site's own search UI, on one page per site, then every listed result followed to see whether its page
// marks the words. Figures for each site: the share of queries whose first result is the judged section (for a
// query no section holds, that nothing is listed), the mean reciprocal rank of the judged section, the share of
// listed results that hold the words (tests/support/search-judge.ts, on our copy of the same text), and the share
// of landings that mark at least one word.
import type { Browser, Page } from 'playwright-core';
import { JUDGED, type JudgedQuery } from '../tests/support/judged-queries.ts';
import { holdsTheWords, searchAliases } from '../tests/support/search-judge.ts';

export interface QualitySite {
  name: 'ours' | 'starlight';
  url: string;
}

interface Listing {
  query: JudgedQuery;
  results: { title: string; href: string }[];
}

export interface Quality {
  queries: number;
  firstRight: number;
  mrr: number;
  listed: number;
  holding: number;
  landings: number;
  marking: number;
  misses: { query: string; first: string | null; got: string | null }[];
  /** Landings that marked nothing: the query and the result. */
  unmarked: string[];
}

/** Our /search/ page: type, wait until the status names this query and its first card is there. */
async function listOurs(page: Page, query: string): Promise<Listing['results']> {
  await page.locator('.search-page input[type="search"]').fill(query);
  await page.waitForFunction(
    (q) => {
      const status = document.querySelector('.search-page .search-status')?.textContent ?? '';
      const shown = q.includes('"') ? q : `“${q}”`;
      return (
        status.endsWith(` for ${shown}.`) &&
        (status.startsWith('No results') || document.querySelector('.search-page .result-link') !== null)
      );
    },
    query.trim(),
    { timeout: 15_000 },
  );
  return page.$$eval('.search-page .result-link', (links) =>
    links.map((a) => ({ title: a.textContent ?? '', href: (a as HTMLAnchorElement).href })),
  );
}

/** Starlight's search dialog (Pagefind's default UI): type, wait until its message names this query. */
async function listStarlight(page: Page, query: string): Promise<Listing['results']> {
  await page.locator('site-search dialog .pagefind-ui__search-input').fill(query);
  await page.waitForFunction(
    (q) => {
      const message = document.querySelector('site-search dialog .pagefind-ui__message')?.textContent ?? '';
      return message.endsWith(` for ${q}`) && !document.querySelector('site-search dialog .pagefind-ui__loading');
    },
    query.trim(),
    { timeout: 15_000 },
  );
  await page.waitForTimeout(300); // results fill in as their fragments arrive
  return page.$$eval('site-search dialog .pagefind-ui__result-title .pagefind-ui__result-link', (links) =>
    links
      .filter((a) => !a.closest('.pagefind-ui__result-nested'))
      .map((a) => ({ title: a.textContent ?? '', href: (a as HTMLAnchorElement).href })),
  );
}

async function listAll(browser: Browser, site: QualitySite): Promise<Listing[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (site.name === 'ours') await page.goto(`${site.url}search/`);
  else {
    await page.goto(`${site.url}china-united-front/sharp-power/`);
    await page.keyboard.press('Control+k');
  }
  const listings: Listing[] = [];
  for (const query of JUDGED) {
    const results = site.name === 'ours' ? await listOurs(page, query.query) : await listStarlight(page, query.query);
    listings.push({ query, results });
  }
  await context.close();
  return listings;
}

/** Follows a result link and counts the words its page marks in the text. */
async function marksOnLanding(page: Page, href: string): Promise<number> {
  await page.goto(href, { waitUntil: 'networkidle' });
  return page.locator('main mark').count();
}

export async function measureQuality(browser: Browser, site: QualitySite): Promise<Quality> {
  const aliases = searchAliases();
  const listings = await listAll(browser, site);
  const quality: Quality = {
    queries: 0,
    firstRight: 0,
    mrr: 0,
    listed: 0,
    holding: 0,
    landings: 0,
    marking: 0,
    misses: [],
    unmarked: [],
  };
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const { query, results } of listings) {
    quality.queries += 1;
    const titles = results.map((r) => r.title);
    const right = query.first === null ? titles.length === 0 : titles[0] === query.first;
    const rank = query.first === null ? (titles.length === 0 ? 1 : 0) : titles.indexOf(query.first) + 1;
    if (right) quality.firstRight += 1;
    else quality.misses.push({ query: query.query, first: query.first, got: titles[0] ?? null });
    quality.mrr += rank > 0 ? 1 / rank : 0;
    for (const result of results) {
      quality.listed += 1;
      if (holdsTheWords(result.title, query.query, aliases)) quality.holding += 1;
      quality.landings += 1;
      if ((await marksOnLanding(page, result.href)) > 0) quality.marking += 1;
      else quality.unmarked.push(`"${query.query}" → ${result.title}`);
    }
  }
  await context.close();
  quality.mrr /= quality.queries;
  return quality;
}
