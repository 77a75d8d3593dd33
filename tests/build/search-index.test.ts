// What the search index holds for each section: the words a reader sees in its article, and nothing else that a
// search could match (no print-only or hidden text, no alias attributes, no footnote numbers, no searchable
// metadata beyond the title the page shows). Read from the Pagefind files the build wrote.
import { describe, expect, it } from 'vitest';
import { loadPage, normalizeText, sectionFile, SECTION_SLUGS, BRIEFING } from '../support/dist';
import { indexedPages } from '../support/pagefind-index';

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, dt, dd, div, section, ol, ul, dl, table, tr, td, th';
/** What a reader never sees on screen: hidden, print-only, visually hidden, closed popovers, drawings. */
const UNSEEN = '[hidden], [popover], .print-only, .sr-only, [aria-hidden="true"], template, script, style, svg, noscript';

/** The words of an element as a reader sees them on screen, blocks apart. */
function seenWords(element: Element): string[] {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll(UNSEEN).forEach((el) => el.remove());
  copy.querySelectorAll(BLOCKS).forEach((el) => {
    el.prepend(' ');
    el.append(' ');
  });
  return words(copy.textContent ?? '');
}

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * A section's text as its reader reads it: the title, then the text. The editors' apparatus stays out of search:
 * the notes (their markers and their list) and the line that says whom a quotation is from.
 */
function articleWords(slug: string): string[] {
  const article = loadPage(sectionFile(slug)).querySelector('article')!;
  const prose = article.querySelector('.prose')!.cloneNode(true) as Element;
  prose.querySelectorAll('a[data-footnote-ref]').forEach((a) => (a.closest('sup') ?? a).remove());
  prose.querySelectorAll('.footnotes, .quote figcaption').forEach((el) => el.remove());
  return [...seenWords(article.querySelector('h1')!), ...seenWords(prose)];
}

const pages = indexedPages();
const indexed = (slug: string) => pages.get(`/${BRIEFING}/${slug}/`)!;

describe('the search index', () => {
  it('has each section page, and only those', () => {
    expect([...pages.keys()].sort()).toEqual(SECTION_SLUGS.map((s) => `/${BRIEFING}/${s}/`).sort());
  });

  it.each(SECTION_SLUGS)(
    '%s: indexes exactly the words a reader sees in the article, in order and blocks apart',
    (slug) => {
      expect(words(indexed(slug).content).join(' ')).toBe(articleWords(slug).join(' '));
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
