// The built site: its pages, their structure, links that resolve, and the search index.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../tools/static-server';
import { BRIEFING, DIST, htmlFiles, loadPage, sectionFile, SECTION_SLUGS } from '../support/dist';

const pages = htmlFiles();

describe('the built site', () => {
  it('has the library, the cover, five sections, the all-in-one page, search and 404', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        'index.html',
        `${BRIEFING}/index.html`,
        `${BRIEFING}/all/index.html`,
        'search/index.html',
        '404.html',
        ...SECTION_SLUGS.map(sectionFile),
      ]),
    );
  });

  it('lists the five sections in order on the cover, each with a description and a reading time', () => {
    const items = [...loadPage(`${BRIEFING}/index.html`).querySelectorAll('.section-list__item')];
    expect(items.map((li) => li.querySelector('a')!.getAttribute('href'))).toEqual(
      SECTION_SLUGS.map((slug) => `/${BRIEFING}/${slug}/`),
    );
    for (const li of items) {
      expect(li.querySelector('.section-list__description')!.textContent!.trim().length).toBeGreaterThan(20);
      expect(li.querySelector('.section-list__meta')!.textContent).toMatch(/^\d+ min read$/);
    }
  });

  it.each(pages)('%s has lang, one h1, a title, a description and landmarks', (file) => {
    const doc = loadPage(file);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.title.length).toBeGreaterThan(5);
    expect(doc.querySelector('meta[name="description"]')!.getAttribute('content')!.length).toBeGreaterThan(20);
    for (const selector of ['header', 'main#main', 'footer', 'a.skip-link[href="#main"]']) {
      expect(doc.querySelector(selector), selector).not.toBeNull();
    }
  });

  it.each(SECTION_SLUGS)('section %s has an outline, a pager, the source and ids on every heading', (slug) => {
    const doc = loadPage(sectionFile(slug));
    const headings = [...doc.querySelectorAll('article .prose h2, article .prose h3, article .prose h4')];
    expect(headings.length).toBeGreaterThan(0);
    for (const h of headings) expect(h.id, h.textContent!).toMatch(/^[a-z0-9-]+$/);
    const outlineTargets = [...doc.querySelectorAll('nav.outline a')].map((a) => a.getAttribute('href'));
    expect(outlineTargets.length).toBeGreaterThan(0);
    for (const target of outlineTargets) expect(doc.getElementById(target!.slice(1)), target!).not.toBeNull();
    expect(doc.querySelector('nav.pager a')).not.toBeNull();
    expect(doc.querySelector('aside.attribution')!.textContent).toContain('Source:');
  });

  it('marks the all-in-one page sections with the section slugs as ids', () => {
    const doc = loadPage(`${BRIEFING}/all/index.html`);
    for (const slug of SECTION_SLUGS) expect(doc.getElementById(slug)?.tagName).toBe('SECTION');
  });

  it('gives every id on a page once only', () => {
    for (const file of pages) {
      const ids = [...loadPage(file).querySelectorAll('[id]')].map((el) => el.id);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        file,
      ).toEqual([]);
    }
  });

  it('resolves every internal link and #fragment to a file and an element', () => {
    const broken: string[] = [];
    // Each page parsed once, whether it links or is linked to (a page is the target of hundreds of #fragments).
    const parsed = new Map<string, Document>();
    const page = (file: string) => parsed.get(file) ?? parsed.set(file, loadPage(file)).get(file)!;
    for (const file of pages) {
      const doc = page(file);
      const base = new URL(`http://site/${file.replace(/index\.html$/, '')}`);
      for (const el of doc.querySelectorAll('a[href], link[href], script[src], img[src]')) {
        const ref = el.getAttribute('href') ?? el.getAttribute('src')!;
        const url = new URL(ref, base);
        if (url.origin !== 'http://site') continue;
        const path = decodeURIComponent(url.pathname);
        const target = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
        if (!existsSync(join(DIST, target))) {
          broken.push(`${file}: ${ref} (no file ${target})`);
          continue;
        }
        const id = decodeURIComponent(url.hash.slice(1));
        if (id && target.endsWith('.html') && !page(target).getElementById(id)) {
          broken.push(`${file}: ${ref} (no element #${id})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('has a Pagefind index that covers the section pages only', () => {
    const bundle = join(DIST, 'pagefind');
    expect(existsSync(join(bundle, 'pagefind.js'))).toBe(true);
    expect(readdirSync(join(bundle, 'fragment'))).toHaveLength(SECTION_SLUGS.length);
    const indexed = pages.filter((file) => loadPage(file).querySelector('[data-pagefind-body]'));
    expect(indexed.sort()).toEqual(SECTION_SLUGS.map(sectionFile).sort());
  });

  it("ships Pagefind's WebAssembly gzipped, as any host can serve it, smaller than Pagefind's own gzip", () => {
    const bundle = join(DIST, 'pagefind');
    const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
    const wasm = readdirSync(bundle).filter((name) => name.startsWith('wasm.'));
    expect(wasm).toContain('wasm.en.pagefind');
    for (const name of wasm) {
      const bytes = readFileSync(join(bundle, name));
      const unzipped = gunzipSync(bytes);
      expect(unzipped.subarray(0, 16).toString('latin1')).toBe('pagefind_dcd\0asm');
      // Zopfli: smaller than zlib's best, which is already smaller than Pagefind's own.
      expect(bytes.length).toBeLessThan(gzipSync(unzipped, { level: 9 }).length);
      // Not marked application/wasm: it is gzip bytes, which a host must not compress again.
      expect(headersFor(rules, `/pagefind/${name}`)['content-type']).toBeUndefined();
    }
  });

  it('names no canonical URL on the 404 page, which is served at every missing address', () => {
    const doc = loadPage('404.html');
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
    expect(doc.querySelector('meta[property="og:url"]')).toBeNull();
  });

  it('gives each section page its Pagefind title, briefing and section filter', () => {
    for (const slug of SECTION_SLUGS) {
      const body = loadPage(sectionFile(slug)).querySelector('[data-pagefind-body]')!;
      expect(body.querySelector('[data-pagefind-meta="title"]')!.textContent!.trim().length).toBeGreaterThan(3);
      expect(body.querySelector('[data-pagefind-filter="section"]')).not.toBeNull();
      expect(body.querySelector('[data-pagefind-filter="briefing"]')).not.toBeNull();
    }
  });

  it('renders the webinar programme from data: title, time, three panels with moderators and speakers', () => {
    const doc = loadPage(sectionFile('rwchr-event'));
    const programme = doc.querySelector('.programme')!;
    expect(programme.querySelector('.programme__title')!.textContent).toBe(
      'China at a Crossroads: Standing up for Human Rights During the Pandemic',
    );
    expect(programme.querySelector('[data-local-time]')!.getAttribute('data-start')).toBe('2020-06-09T17:00:00-04:00');
    const panels = [...programme.querySelectorAll('.panel')];
    expect(panels).toHaveLength(3);
    expect(panels.map((p) => p.querySelectorAll('.panel__speakers li').length)).toEqual([3, 3, 4]);
    for (const panel of panels)
      expect(panel.querySelector('.panel__moderator')!.textContent!.trim()).toMatch(/^Moderator: /);
  });

  it('shows the source notes, with every removal, on the cover', () => {
    const notes = loadPage(`${BRIEFING}/index.html`).querySelector('#source-notes')!.textContent!;
    for (const debris of [
      'RFE/RL',
      'National Endowment for Democracy (NED)',
      'RTWT Download',
      'Credit: FreedomHouse',
      '(right)',
      'Click Here',
      'Print Friendly, PDF & Email',
    ]) {
      expect(notes).toContain(debris);
    }
    expect(notes).toContain('June 2020');
  });

  it('marks the summary as editorial', () => {
    const dek = loadPage(`${BRIEFING}/index.html`).querySelector('.dek.editorial')!;
    expect(dek.querySelector('.editorial-label')!.textContent).toMatch(/summary/i);
  });
});
