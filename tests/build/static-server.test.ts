// The server the browser tests and the benchmarks use behaves as a static host: a malformed address is a 400
// (and the server goes on), every file the site emits has its type, _headers rules apply and are not served,
// and only the types hosts compress are compressed.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist, type RunningServer } from '../../tools/static-server';
import { DIST } from '../support/dist';

let server: RunningServer;
beforeAll(async () => {
  server = await serveDist({ root: DIST, compress: true, headersFile: true });
});
afterAll(() => server?.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { headers: { 'accept-encoding': 'gzip, deflate, br', ...headers } });

/** The type a host sends for each kind of file this site writes. */
const EXPECTED: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ics': 'text/calendar; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  // Pagefind's index, fragments, filters and gzipped WebAssembly: binary, already compressed.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

describe('the test server', () => {
  it('answers a malformed address with 400 and goes on serving', async () => {
    for (const path of ['%E0%A4%A', 'china-united-front/%', '%ZZ/']) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
    }
    expect((await get('')).status).toBe(200);
  });

  it('sends the right type for every file the site emits, and compresses only text types', async () => {
    const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file !== '_headers' && statSync(join(DIST, file)).isFile(),
    );
    const kinds = new Map<string, string>();
    for (const file of files) kinds.set(file.slice(file.lastIndexOf('.')), file);
    expect([...kinds.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [ext, file] of kinds) {
      const response = await get(file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type'), file).toBe(EXPECTED[ext]);
      const binary = EXPECTED[ext].startsWith('application/octet-stream') || ext === '.png';
      expect(response.headers.get('content-encoding'), file).toBe(binary ? null : 'br');
      expect(response.headers.get('x-content-type-options'), file).toBe('nosniff');
    }
  });

  it('serves a folder’s index.html, the 404 page for a missing address, and never _headers', async () => {
    const cover = await get('china-united-front/');
    expect(cover.status).toBe(200);
    expect(await cover.text()).toContain('<h1');
    for (const path of ['no-such-page/', '_headers', '../package.json']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('Page not found');
    }
  });

  it('answers an unchanged file with 304', async () => {
    const first = await get('pagefind/pagefind.js');
    const again = await get('pagefind/pagefind.js', { 'if-none-match': first.headers.get('etag')! });
    expect(again.status).toBe(304);
  });
});

it('serves the site under its base path, and the 404 page elsewhere', async () => {
  const under = await serveDist({ root: DIST, base: '/reader/' });
  try {
    expect(under.url).toMatch(/\/reader\/$/);
    expect((await fetch(`${under.url}china-united-front/`)).status).toBe(200);
    expect((await fetch(new URL('/china-united-front/', under.url))).status).toBe(404);
  } finally {
    await under.close();
  }
});
