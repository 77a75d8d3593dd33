// A build under a sub-path: every internal link, asset, search bundle, canonical, card, feed and
// sitemap URL carries the base, so the site works when deployed at https://example.org/reader/.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../tools/static-server';
import { describeInBrowser } from '../support/browser';
import { DIST, htmlFiles, loadPage } from '../support/dist';

// Beside a custom READER_OUT_DIR, else in the git-ignored per-checkout cache.
const OUT = process.env.READER_OUT_DIR ? `${DIST.replace(/\/+$/, '')}-base-path` : '.cache/dist-base-path';
const ORIGIN = 'https://example.org';
const BASE = '/reader/';

// Vitest puts Vite's own variables (BASE_URL = '/', MODE, …) into process.env; a child build must not
// inherit them, or import.meta.env.BASE_URL would be '/' whatever the base.
const VITE_ENV = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITE_ENV.has(key)));

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    // Also built for a host that compresses WebAssembly itself, so that one extra build tests both settings.
    env: {
      ...cleanEnv,
      READER_BASE: BASE,
      READER_SITE: ORIGIN,
      READER_CONTENT_DIR: '',
      READER_OUT_DIR: OUT,
      READER_HOST_COMPRESSES_WASM: '1',
    },
  });
}, 120_000);

/** Every URL a page refers to: links, assets, forms, search bundle and the URLs in its meta tags. */
function urlsOf(doc: Document): string[] {
  const attrs: [string, string][] = [
    ['a[href]', 'href'],
    ['link[href]', 'href'],
    ['script[src]', 'src'],
    ['img[src]', 'src'],
    ['form[action]', 'action'],
    ['body', 'data-pagefind-bundle'],
    ['body', 'data-base'],
    ['meta[property="og:url"]', 'content'],
    ['meta[property="og:image"]', 'content'],
    ['meta[name="twitter:image"]', 'content'],
    ['meta[name="citation_fulltext_html_url"]', 'content'],
  ];
  const urls = attrs.flatMap(([selector, attr]) =>
    [...doc.querySelectorAll(selector)].map((el) => el.getAttribute(attr)!),
  );
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    JSON.stringify(JSON.parse(script.textContent!), (key, value) => {
      if (typeof value === 'string' && (key === 'url' || key === 'image' || key === '@id')) urls.push(value);
      return value;
    });
  }
  for (const el of doc.querySelectorAll('.citation'))
    urls.push(...(el.textContent!.match(/https?:\/\/[^\s]+[^\s.]/g) ?? []));
  return urls;
}

describe(`a build under ${BASE}`, () => {
  it('keeps every internal URL under the base', () => {
    const outside: string[] = [];
    const pages = htmlFiles(OUT);
    expect(pages.length).toBeGreaterThan(8);
    for (const file of pages) {
      for (const url of urlsOf(loadPage(file, OUT))) {
        if (url.startsWith('#') || url.startsWith('?')) continue;
        const absolute = /^https?:/.test(url);
        if (absolute && !url.startsWith(ORIGIN)) continue;
        const path = absolute ? url.slice(ORIGIN.length) : url;
        if (!path.startsWith(BASE)) outside.push(`${file}: ${url}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('writes the canonical URLs and cards on the configured origin, under the base', () => {
    const doc = loadPage('china-united-front/sharp-power/index.html', OUT);
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
      `${ORIGIN}${BASE}china-united-front/sharp-power/`,
    );
    expect(doc.querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(
      `${ORIGIN}${BASE}china-united-front/sharp-power/card.png`,
    );
    expect(doc.querySelector('a[href="#p-1"]')).not.toBeNull();
  });

  it('puts the base in the sitemap, robots.txt, the feed, the citation files and the calendar', () => {
    const read = (path: string) => readFileSync(join(OUT, path), 'utf8');
    const locsOf = (file: string) => [...read(file).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const sitemaps = locsOf('sitemap.xml');
    for (const loc of sitemaps) expect(loc.startsWith(`${ORIGIN}${BASE}`), loc).toBe(true);
    const locs = sitemaps.flatMap((loc) => locsOf(loc.slice(`${ORIGIN}${BASE}`.length)));
    expect(locs.length).toBeGreaterThan(5);
    for (const loc of locs) expect(loc.startsWith(`${ORIGIN}${BASE}`), loc).toBe(true);
    expect(read('robots.txt')).toContain(`Sitemap: ${ORIGIN}${BASE}sitemap.xml`);
    const feedUrls = [...read('feed.xml').matchAll(/(?:<link>|<guid[^>]*>|href=")(https?:[^<"]+)/g)].map((m) => m[1]);
    expect(feedUrls.length).toBeGreaterThan(5);
    for (const url of feedUrls) expect(url.startsWith(`${ORIGIN}${BASE}`), url).toBe(true);
    expect(read('china-united-front/cite.bib')).toContain(`url = {${ORIGIN}${BASE}china-united-front/}`);
    expect(read('china-united-front/rwchr-event.ics')).toContain(`URL:${ORIGIN}${BASE}china-united-front/rwchr-event/`);
  });

  it('writes every _headers rule under the base, as a host matches them against the full path', () => {
    const rules = parseHeadersFile(readFileSync(join(OUT, '_headers'), 'utf8'));
    expect(rules.length).toBeGreaterThan(4);
    for (const rule of rules) expect(rule.pattern.startsWith(BASE), rule.pattern).toBe(true);
    expect(headersFor(rules, `${BASE}china-united-front/`)['content-security-policy']).toContain("default-src 'self'");
    expect(headersFor(rules, `${BASE}_astro/x.css`)['cache-control']).toContain('immutable');
  });

  it('stores the WebAssembly unzipped and marks it application/wasm when the host compresses it itself', () => {
    const rules = parseHeadersFile(readFileSync(join(OUT, '_headers'), 'utf8'));
    const wasm = readFileSync(join(OUT, 'pagefind', 'wasm.en.pagefind'));
    expect(wasm.subarray(0, 16).toString('latin1')).toBe('pagefind_dcd\0asm');
    expect(headersFor(rules, `${BASE}pagefind/wasm.en.pagefind`)['content-type']).toBe('application/wasm');
  });

  it('writes the service worker, its registration and the offline file lists under the base', () => {
    expect(readFileSync(join(OUT, 'sw.js'), 'utf8')).toContain(`const BASE = '${BASE}';`);
    const html = readFileSync(join(OUT, 'china-united-front/index.html'), 'utf8');
    expect(html).toContain(`register(\`${BASE}sw.js\`)`);
    const list = JSON.parse(readFileSync(join(OUT, 'offline/china-united-front.json'), 'utf8')) as {
      files: { url: string }[];
    };
    for (const { url } of list.files) expect(url.startsWith(BASE), url).toBe(true);
    expect(list.files.map((f) => f.url)).toContain(`${BASE}china-united-front/sharp-power/`);
  });

  it('names no canonical URL on the 404 page (there is no page at /reader/404/)', () => {
    expect(loadPage('404.html', OUT).querySelector('link[rel="canonical"]')).toBeNull();
  });
});

describeInBrowser(
  `reading offline under ${BASE}`,
  ({ newPage, url }) => {
    it('saves a briefing, then offline reloads it and opens another section', async () => {
      const page = await newPage();
      await page.goto(url('china-united-front/sharp-power/'));
      // As in tests/browser/offline.test.ts: once the worker (registered after load) controls the page.
      await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 15_000 });
      const control = page.locator('[data-offline]');
      await control.getByRole('button', { name: /^Save for offline/ }).click();
      await expect
        .poll(() => control.locator('[role="status"]').textContent(), { timeout: 30_000 })
        .toMatch(/^Saved for offline/);
      await page.context().setOffline(true);
      await page.reload();
      await expect(page.locator('h1').textContent()).resolves.toBe('Sharp power');
      await page.goto(url('china-united-front/all/'));
      await expect(page.locator('h1').count()).resolves.toBe(1);
      await page.context().close();
      // Saving a whole briefing is the longest thing a test here does; on a loaded machine it can pass 30 s.
    }, 60_000);
  },
  { root: OUT, base: BASE },
);
