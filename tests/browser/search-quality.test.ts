// The judged query set (tests/support/judged-queries.ts), run through the real search on one /search/ page:
// each query puts its section first (or finds nothing, and a typo offers its correction); every section listed
// holds the words, in some form (tests/support/search-judge.ts), and those that hold them only weakly
// ("influence" for "influencer") come after those that hold them.
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser';
import { JUDGED } from '../support/judged-queries';
import { holdsTheWords, searchAliases } from '../support/search-judge';
import type { SearchAlias } from '../../src/search/aliases';

export interface Listed {
  status: string;
  titles: string[];
  suggestion: string | null;
}

/** Types a query into /search/'s box and reads what it lists, once its results for this query are shown. */
export async function runQuery(page: Page, query: string, waitForSuggestion = false): Promise<Listed> {
  const input = page.locator('.search-page input[type="search"]');
  await input.fill(query);
  await page.waitForFunction(
    ([q, wantSuggestion]) => {
      const status = document.querySelector('.search-page .search-status')?.textContent ?? '';
      const shown = q.includes('"') ? q : `“${q}”`;
      if (!status.endsWith(` for ${shown}.`)) return false;
      if (!status.startsWith('No results') && !document.querySelector('.search-page .result-link')) return false;
      return !wantSuggestion || !(document.querySelector('.search-page .search-suggest') as HTMLElement).hidden;
    },
    [query.trim(), waitForSuggestion] as const,
    { timeout: 10_000 },
  );
  return page.evaluate(() => {
    const suggest = document.querySelector<HTMLElement>('.search-page .search-suggest')!;
    return {
      status: document.querySelector('.search-page .search-status')!.textContent ?? '',
      titles: [...document.querySelectorAll('.search-page .result-link')].map((a) => a.textContent ?? ''),
      suggestion: suggest.hidden ? null : (suggest.querySelector('a')?.textContent ?? null),
    };
  });
}

describeInBrowser('the judged query set', ({ newPage, url }) => {
  let page: Page;
  let aliases: SearchAlias[];
  beforeAll(async () => {
    page = await newPage();
    await page.goto(url('search/'));
    aliases = searchAliases();
  });

  it.each(JUDGED)('$kind: "$query" puts $first first', async ({ query, first, suggest }) => {
    const listed = await runQuery(page, query, suggest !== undefined);
    if (first === null) expect(listed.status).toMatch(/^No results/);
    else expect(listed.titles[0]).toBe(first);
    if (suggest) expect(listed.suggestion).toBe(suggest);
    for (const title of listed.titles)
      expect(holdsTheWords(title, query, aliases, { weak: true }), `${title} holds "${query}"`).toBe(true);
    const strict = listed.titles.map((title) => holdsTheWords(title, query, aliases));
    expect(strict, 'weak matches come last').toEqual([...strict].sort((a, b) => Number(b) - Number(a)));
  });
});
