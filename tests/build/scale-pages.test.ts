// No page grows with the library: a synthetic library of 60 two-section briefings (tools/scale-library.ts, the
// generator `npm run bench:scale` uses, with entities every briefing names), built from a scratch copy of the
// project into its own folder. The home page shows the newest briefings and links to bounded archive pages, /search/
// names no section, the A–Z index is on pages of its own, the feed holds the newest items, the sitemap is an index
// of sitemaps, and an entity named by every briefing lists them newest first, a page of briefings at a time.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_ENTITIES } from '../../tools/scale-library';
import {
  ARCHIVE_PAGE_SIZE,
  ENTITY_BRIEFINGS_PER_PAGE,
  ENTITY_INDEX_PER_TYPE,
  FEED_ITEMS,
  HOME_BRIEFINGS,
  pageCount,
  TERM_PAGE_SIZE,
} from '../../src/site/page-sizes';
import { headersFor, parseHeadersFile } from '../../tools/static-server';
import { htmlFiles, loadPage } from '../support/dist';
import { buildSyntheticSite, syntheticSiteFolder } from '../support/synthetic-site';

const BRIEFINGS = 60;
const SECTIONS = 2;
const { root: ROOT, out: OUT } = syntheticSiteFolder('scale-pages');
const SITE = 'http://localhost:4321';

beforeAll(() => buildSyntheticSite(ROOT, BRIEFINGS, 7, SECTIONS), 300_000);

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const page = (path: string) => loadPage(join(path, 'index.html'), OUT);
const read = (path: string) => readFileSync(join(OUT, path), 'utf8');
const parseXml = (text: string) => new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
const local = (url: string) => (url.startsWith(SITE) ? url.slice(SITE.length) : url);
const hrefs = (doc: Document | Element, selector: string) =>
  [...doc.querySelectorAll(selector)].map((a) => a.getAttribute('href')!);
/** The briefings' addresses in the library's order (newest first), as the archive lists them. */
const archive = () =>
  Array.from({ length: pageCount(BRIEFINGS, ARCHIVE_PAGE_SIZE) }, (_, i) =>
    hrefs(page(`archive/${i ? `${i + 1}/` : ''}`), '.archive-list a'),
  );

describe(`a library of ${BRIEFINGS} briefings`, () => {
  it('shows the newest briefings on the home page and every briefing once on bounded archive pages', () => {
    const pages = archive();
    expect(pages.length).toBe(2);
    for (const list of pages) expect(list.length).toBeLessThanOrEqual(ARCHIVE_PAGE_SIZE);
    const all = pages.flat();
    expect(new Set(all).size).toBe(BRIEFINGS);

    const home = page('');
    const shown = hrefs(home, '.briefing-card h2 a');
    expect(shown).toEqual(all.slice(0, HOME_BRIEFINGS));
    expect(hrefs(home, '.library-more a')).toEqual(['/archive/']);

    const first = page('archive/');
    expect(hrefs(first, '.page-nav a[rel="next"]')).toEqual(['/archive/2/']);
    expect(first.querySelector('.page-nav')!.textContent).toContain('Page 1 of 2');
    expect(hrefs(page('archive/2/'), '.page-nav a[rel="prev"]')).toEqual(['/archive/']);
  });

  it('keeps /search/ to the search interface: no section listed, the A–Z index a set of links to its pages', () => {
    const search = page('search/');
    const links = hrefs(search, 'main a');
    expect(links.filter((href) => /^\/b\d{4}-/.test(href) && !href.endsWith('/all/'))).toEqual([]);
    expect(links.filter((href) => href.endsWith('/all/')).length).toBeLessThanOrEqual(HOME_BRIEFINGS);
    expect(links).toContain('/terms/');
    expect(links).toContain('/archive/');
    // A library of more than a handful of briefings filters by briefing, not by section.
    expect(search.querySelector('.search-filters')!.getAttribute('data-by')).toBe('briefing');
  });

  it('puts every entry of the A–Z index on exactly one page of its letter, each page bounded', () => {
    const letters = hrefs(page('terms/'), '.term-index__letters a');
    expect(letters.length).toBeGreaterThan(10);
    let entries = 0;
    for (const letter of letters) {
      let at: string | null = letter;
      const seen: string[] = [];
      while (at) {
        const doc = page(at.slice(1));
        const items = doc.querySelectorAll('.term-index li');
        expect(items.length, at).toBeGreaterThan(0);
        expect(items.length, at).toBeLessThanOrEqual(TERM_PAGE_SIZE);
        const current = doc.querySelector('.term-index__letters [aria-current="page"]')!.textContent;
        expect(current, at).toBe(doc.querySelector('.term-index h2')!.textContent);
        expect(hrefs(doc, '.term-index__letters a'), at).not.toContain(letter);
        entries += items.length;
        seen.push(at);
        at = doc.querySelector('.page-nav a[rel="next"]')?.getAttribute('href') ?? null;
      }
    }
    // Every section and entity is in the index once (headings and aliases besides).
    expect(entries).toBeGreaterThan(BRIEFINGS * SECTIONS + SHARED_ENTITIES.length + 2 * BRIEFINGS);
  });

  it(`lists the newest ${FEED_ITEMS} items in feed.xml, newest briefing first`, () => {
    const feed = parseXml(read('feed.xml'));
    const links = [...feed.querySelectorAll('item > link')].map((l) => local(l.textContent!));
    expect(links).toHaveLength(FEED_ITEMS);
    const briefings = [...new Set(links.map((l) => l.split('/')[1]))].map((slug) => `/${slug}/`);
    expect(briefings).toEqual(archive().flat().slice(0, briefings.length));
    expect(links[0]).toBe(briefings[0]);
  });

  it('writes sitemap.xml as an index of sitemaps that list every public page once', () => {
    const index = parseXml(read('sitemap.xml'));
    expect(index.querySelector('sitemapindex')).not.toBeNull();
    const locs = [...index.querySelectorAll('sitemap > loc')].flatMap((l) =>
      [...parseXml(read(local(l.textContent!))).querySelectorAll('url > loc')].map((u) => local(u.textContent!)),
    );
    const pages = htmlFiles(OUT)
      .filter((f) => f !== '404.html' && !f.startsWith('search/'))
      .map((f) => `/${f.replace(/index\.html$/, '')}`);
    expect(locs.sort()).toEqual(pages.sort());
  });

  it('lists an entity named by every briefing newest briefing first, a bounded page of briefings at a time', () => {
    const slug = SHARED_ENTITIES[0].slug;
    const pages = pageCount(BRIEFINGS, ENTITY_BRIEFINGS_PER_PAGE);
    const byPage = Array.from({ length: pages }, (_, i) => {
      const doc = page(`entities/${slug}/${i ? `${i + 1}/` : ''}`);
      expect(doc.querySelectorAll('.entity-page__about p').length).toBeLessThanOrEqual(ENTITY_BRIEFINGS_PER_PAGE);
      return hrefs(doc, '.entity-mentions__briefing > h3 a');
    });
    for (const list of byPage) expect(list.length).toBeLessThanOrEqual(ENTITY_BRIEFINGS_PER_PAGE);
    expect(byPage.flat()).toEqual(archive().flat());
    expect(htmlFiles(OUT).filter((f) => f.startsWith(`entities/${slug}/`))).toHaveLength(pages);
    const last = page(`entities/${slug}/${pages}/`);
    expect(hrefs(last, '.page-nav a[rel="prev"]')).toEqual([`/entities/${slug}/${pages - 1}/`]);
    expect(last.querySelector('.page-nav a[rel="next"]')).toBeNull();
  });

  it('lists at most a bounded number of entities of each type on /entities/, the most mentioned first among them', () => {
    const doc = page('entities/');
    for (const group of doc.querySelectorAll('.entity-index__group')) {
      const listed = group.querySelectorAll('.entity-index__list > li').length;
      expect(listed).toBeLessThanOrEqual(ENTITY_INDEX_PER_TYPE);
    }
    // 61 people (one of each briefing's own and the shared one): the shared, most mentioned, is among those shown.
    const people = doc.querySelector('#person')!.closest('section')!;
    expect(hrefs(people, 'li a')).toContain(`/entities/${SHARED_ENTITIES[0].slug}/`);
    expect(people.textContent).toMatch(/\d+ more in the index of terms and headings/);
  });

  it('keeps every HTML page far under 100 KB compressed', () => {
    // The largest pages raw are the largest compressed; brotli (at its static-hosting quality) only the top ten.
    const raw = htmlFiles(OUT).map((file) => ({ file, text: readFileSync(join(OUT, file)) }));
    const sizes = raw
      .sort((a, b) => b.text.length - a.text.length)
      .slice(0, 10)
      .map(({ file, text }) => ({ file, bytes: brotliCompressSync(text).length }));
    const largest = sizes.sort((a, b) => b.bytes - a.bytes)[0];
    // At 60 briefings a page that grew with the library would already be near it; bounded ones stay small.
    expect(largest.bytes, largest.file).toBeLessThan(30 * 1024);
  });

  it('sends the same Content-Security-Policy header at any size: no briefing adds a hash to it', () => {
    const headers = read('_headers');
    const policy = headersFor(parseHeadersFile(headers), '/')['content-security-policy'];
    // The templates' own inline scripts and styles (13 today), each hashed once; one a briefing would be 60 more.
    expect(policy.match(/'sha256-/g)!.length).toBeLessThan(20);
    expect(headers.length).toBeLessThan(3 * 1024);
    // The printed running head is an attribute of the page, not an inline style of its own.
    const all = page(`${archive()[0][0].slice(1)}all/`);
    expect(all.documentElement.getAttribute('data-print-title')).toBe(all.querySelector('h1')!.textContent!.trim());
  });
});
