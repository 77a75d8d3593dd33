// What "Save for offline" stores, as the build lists it (offline/<briefing>.json), and the service worker the build
// writes: the whole briefing and what its search needs, nothing of the rest of the site, every file there with its
// size, the size shown beside the button, and the worker stamped with this build.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/offline/offline-set';
import { readMeta } from '../../src/search/pagefind-files';
import { DIST, htmlFiles, loadPage } from '../support/dist';

const BRIEFING = 'china-united-front';
const manifest = JSON.parse(readFileSync(join(DIST, `offline/${BRIEFING}.json`), 'utf8')) as {
  build: string;
  slug: string;
  title: string;
  files: { url: string; bytes: number }[];
  bytes: number;
};
const urls = manifest.files.map((f) => f.url);
const fileOf = (url: string) => (url.endsWith('/') ? `${url}index.html` : url).slice(1);

describe('the offline file list of a briefing', () => {
  it('holds every page of the briefing, its citation and calendar files, and no social card', () => {
    const own = readdirSync(join(DIST, BRIEFING), { recursive: true, encoding: 'utf8' })
      .filter((file) => statSync(join(DIST, BRIEFING, file)).isFile())
      .map((file) => `/${BRIEFING}/${file}`.replace(/index\.html$/, ''));
    const expected = own.filter((url) => !url.endsWith('.png'));
    expect(expected).toContain(`/${BRIEFING}/all/`);
    expect(expected).toContain(`/${BRIEFING}/cite.bib`);
    expect(expected.some((url) => url.endsWith('.ics'))).toBe(true);
    for (const url of expected) expect(urls).toContain(url);
    expect(urls.filter((url) => url.endsWith('.png'))).toEqual([]);
  });

  it('holds the entity pages its pages link to, the search page, and the styles and scripts they load', () => {
    const linked = new Set<string>();
    for (const file of htmlFiles().filter((f) => f.startsWith(`${BRIEFING}/`)))
      for (const a of loadPage(file).querySelectorAll('a[href^="/entities/"]'))
        linked.add(a.getAttribute('href')!.split('#')[0]);
    expect(linked.size).toBeGreaterThan(10);
    for (const url of linked) expect(urls).toContain(url);
    expect(urls).toContain('/search/');
    for (const file of readdirSync(join(DIST, '_astro'))) expect(urls).toContain(`/_astro/${file}`);
    // Not the rest of the site: the home page, the feed, the sitemap.
    for (const url of ['/', '/feed.xml', '/sitemap.xml', '/404.html']) expect(urls).not.toContain(url);
  });

  it('holds what its searches need: Pagefind, its WebAssembly, entry, meta, filters, index chunks and its fragments', () => {
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; wasm: string }>;
    };
    const [language] = Object.values(entry.languages);
    const meta = readMeta(readFileSync(join(DIST, `pagefind/pagefind.${language.hash}.pf_meta`)));
    for (const url of [
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      `/pagefind/pagefind.${language.hash}.pf_meta`,
      `/pagefind/wasm.${language.wasm}.pagefind`,
      '/pagefind/vocabulary/u.json',
      '/search-aliases.json',
      ...meta.filters.map((f) => `/pagefind/filter/${f.hash}.pf_filter`),
      ...meta.chunks.map((c) => `/pagefind/index/${c.hash}.pf_index`),
      ...meta.pages.map((hash) => `/pagefind/fragment/${hash}.pf_fragment`),
    ])
      expect(urls).toContain(url);
    expect(manifest.title).toBe(loadPage(`${BRIEFING}/index.html`).querySelector('h1')!.textContent);
  });

  it('gives every file its size, and the button shows the total on the cover and every section', () => {
    for (const file of manifest.files) expect(statSync(join(DIST, fileOf(file.url))).size, file.url).toBe(file.bytes);
    expect(manifest.bytes).toBe(manifest.files.reduce((sum, f) => sum + f.bytes, 0));
    const pages = htmlFiles().filter((f) => f.startsWith(`${BRIEFING}/`) && f !== `${BRIEFING}/all/index.html`);
    expect(pages.length).toBe(6);
    for (const page of pages) {
      const control = loadPage(page).querySelector(`[data-offline="${BRIEFING}"]`);
      expect(control, page).not.toBeNull();
      expect(control!.querySelector('[data-offline-save]')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
        `Save for offline (${formatBytes(manifest.bytes)})`,
      );
    }
  });
});

describe('the service worker', () => {
  const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');

  it('is a classic script of this build and base path, with no marker left', () => {
    expect(() => new Script(worker)).not.toThrow();
    expect(worker).not.toMatch(/__READER_/);
    expect(worker).toContain(`const BUILD = '${manifest.build}';`);
    expect(worker).toContain("const BASE = '/';");
  });

  it('is allowed by the policy (worker-src) and always checked with the server', () => {
    const headers = readFileSync(join(DIST, '_headers'), 'utf8');
    expect(headers).toMatch(/Content-Security-Policy:.*worker-src 'self'/);
    expect(headers).toMatch(/^\/sw\.js\n\s+Cache-Control: no-cache$/m);
    const meta = loadPage(`${BRIEFING}/index.html`).querySelector('meta[http-equiv="content-security-policy"]');
    expect(meta!.getAttribute('content')).toContain("worker-src 'self'");
  });
});
