// What the search index holds for each section: the words a reader sees in its article, and nothing else that a
// search could match (no print-only or hidden text, no alias attributes, no footnote numbers, no searchable
// metadata beyond the title the page shows); the aliases each section answers to; the vocabulary for
// suggestions. Read from the files the build wrote.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, loadPage, normalizeText, sectionFile, SECTION_SLUGS, BRIEFING } from '../support/dist';
import { brotliSize, KB } from '../support/page-weight';
import { searchAliases } from '../support/search-judge';
import { aliasesIn } from '../../src/search/aliases';
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

describe('what the index holds beside the text', () => {
  const aliases = searchAliases();

  it.each(SECTION_SLUGS)('%s: answers to the aliases whose words its indexed text prints, and to no others', (slug) => {
    const page = indexed(slug);
    const expected = aliasesIn(page.content, aliases).sort();
    expect((page.filters.alias ?? []).sort()).toEqual(expected);
  });

  it('gives every section its own section filter value, so a set of results can be a filter', () => {
    const values = [...pages.values()].map((p) => p.filters.section?.[0]);
    expect(new Set(values).size).toBe(pages.size);
  });

  it('writes the vocabulary for "Did you mean …?": one file per first letter, small, from the indexed words', () => {
    const dir = join(DIST, 'pagefind', 'vocabulary');
    const files = readdirSync(dir).sort();
    // Every file search can ask for (vocabularyKey) is there, empty or not: a suggestion fetches its one file at once.
    expect(files).toEqual([...'abcdefghijklmnopqrstuvwxyz', 'other'].map((key) => `${key}.json`).sort());
    const total = files.reduce((sum, name) => sum + brotliSize(readFileSync(join(dir, name))), 0);
    expect(total, `${files.length} files, ${total} B brotli`).toBeLessThanOrEqual(10 * KB);
    const u = JSON.parse(readFileSync(join(dir, 'u.json'), 'utf8')) as [string, number][];
    expect(u).toContainEqual(['united', expect.any(Number)]);
    expect(u).toContainEqual(['Uyghur', 2]);
    expect(u).toContainEqual(['UFWD', 1]);
    // Only words search can find: nothing from the notes, the briefing's title or hidden text.
    const known = new Set([...pages.values()].flatMap((p) => words(p.content).map((w) => w.toLowerCase())));
    const fromAliases = new Set(aliases.map((a) => a.term.toLowerCase()));
    for (const [word] of u) {
      const parts = word.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      expect(fromAliases.has(word.toLowerCase()) || parts.every((p) => known.has(p)), word).toBe(true);
    }
  });
});

describe('the search page', () => {
  it('starts fetching Pagefind’s script and WebAssembly with the page, and both are files the build wrote', () => {
    const page = loadPage('search/index.html');
    const bundle = page.body.dataset.pagefindBundle!;
    const links = [...page.querySelectorAll('link[rel="modulepreload"], link[rel="preload"]')];
    expect(links.map((l) => [l.getAttribute('rel'), l.getAttribute('href')])).toEqual([
      ['modulepreload', `${bundle}pagefind.js`],
      ['preload', `${bundle}wasm.en.pagefind`],
    ]);
    // Pagefind fetches its WebAssembly with fetch(), which takes a preload only if it is as="fetch", CORS mode.
    expect(links[1].getAttribute('as')).toBe('fetch');
    expect(links[1].hasAttribute('crossorigin')).toBe(true);
    for (const link of links)
      expect(existsSync(join(DIST, 'pagefind', link.getAttribute('href')!.slice(bundle.length))), link.outerHTML).toBe(
        true,
      );
  });
});
