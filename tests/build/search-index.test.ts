// What the search index holds for each section: the words a reader sees in its article, and nothing else that a
// search could match (no print-only or hidden text, no alias attributes, no footnote numbers, no searchable
// metadata beyond the title the page shows). Read from the Pagefind files the build wrote.
import { describe, expect, it } from 'vitest';
import { loadPage, normalizeText, sectionFile, SECTION_SLUGS, BRIEFING } from '../support/dist';
import { articleText, words } from '../support/article-text';
import { indexedPages } from '../support/pagefind-index';

const pages = indexedPages();
const indexed = (slug: string) => pages.get(`/${BRIEFING}/${slug}/`)!;

describe('the search index', () => {
  it('has each section page, and only those', () => {
    expect([...pages.keys()].sort()).toEqual(SECTION_SLUGS.map((s) => `/${BRIEFING}/${s}/`).sort());
  });

  it.each(SECTION_SLUGS)(
    '%s: indexes exactly the words a reader sees in the article, in order and blocks apart',
    (slug) => {
      expect(words(indexed(slug).content).join(' ')).toBe(words(articleText(slug)).join(' '));
    },
  );

  it.each(SECTION_SLUGS)('%s: searches no metadata but the title the page shows', (slug) => {
    const page = indexed(slug);
    const h1 = loadPage(sectionFile(slug)).querySelector('article h1')!;
    expect(page.meta).toEqual({ title: normalizeText(h1.textContent!) });
  });

  it('names each result’s briefing as a filter, which no search matches', () => {
    const cover = normalizeText(loadPage(`${BRIEFING}/index.html`).querySelector('h1')!.textContent!);
    for (const slug of SECTION_SLUGS) expect(indexed(slug).filters.briefing).toEqual([cover]);
  });
});
