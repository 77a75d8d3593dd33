// `npm run check:deploy -- URL` against local servers that behave like the hosts a site is deployed on: one
// that reads _headers and compresses text (Cloudflare Pages, Netlify), one that reads no _headers (GitHub Pages),
// one that compresses nothing, one that sends every file as application/octet-stream.
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDeploy } from '../../tools/check-deploy';
import { serveDist, type RunningServer, type ServeOptions } from '../../tools/static-server';
import { shipWasm, wasmHeaderRules } from '../../src/search/pagefind';
import { DIST } from '../support/dist';

const ROOT = mkdtempSync(join(tmpdir(), 'reader-deploy-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

/** Writes the site's absolute URLs on `origin`, as a build with READER_SITE=origin would. */
function moveTo(dir: string, origin: string) {
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.(html|xml|json|ics|bib|ris|txt)$/.test(file) || file.startsWith('pagefind')) continue;
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('http://localhost:4321', origin));
  }
}

/**
 * A copy of the tests' build (changed by `before`), served as a host configured by `options` serves it, with its
 * URLs on that server's origin (unless `localhost`), then `run` against it.
 */
async function deployed<T>(
  options: Partial<ServeOptions>,
  run: (server: RunningServer) => Promise<T>,
  { before, localhost = false }: { before?: (dir: string) => Promise<void> | void; localhost?: boolean } = {},
): Promise<T> {
  const dir = mkdtempSync(join(ROOT, 'site-'));
  cpSync(DIST, dir, { recursive: true });
  await before?.(dir);
  const server = await serveDist({ root: dir, ...options });
  try {
    // The port is known once the server listens; it reads files per request, so they may change now.
    if (!localhost) moveTo(dir, new URL(server.url).origin);
    return await run(server);
  } finally {
    await server.close();
  }
}

const check = (options: Partial<ServeOptions>, extra?: Parameters<typeof deployed>[2]) =>
  deployed(options, (server) => checkDeploy(server.url), extra);

const CLOUDFLARE = { compress: true, headersFile: true };
const GITHUB_PAGES = { compress: true, headersFile: false };

describe('check:deploy', () => {
  it('finds nothing wrong on a host that reads _headers and compresses text', async () => {
    const { checked, problems } = await check(CLOUDFLARE);
    expect(problems).toEqual([]);
    // Pages from the sitemap, their assets and downloads, the 404 page and Pagefind's files.
    expect(checked).toBeGreaterThan(60);
  });

  it('reports the missing security headers on a host that reads no _headers', async () => {
    expect((await check(GITHUB_PAGES)).problems).toEqual([
      expect.stringMatching(
        / \(and \d+ other files\): has no content-security-policy header with frame-ancestors 'none': the host does not apply _headers/,
      ),
      expect.stringMatching(/: has no x-content-type-options header nosniff/),
      expect.stringMatching(/: has no referrer-policy header/),
    ]);
  });

  it('reports text sent uncompressed', async () => {
    const { problems } = await check({ headersFile: true });
    expect(problems).toContainEqual(
      expect.stringMatching(/ \(and \d+ other files\): is sent uncompressed \(text\/html\)/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/\.js: is sent uncompressed \(text\/javascript\)/));
  });

  it('reports wrong types', async () => {
    const { problems } = await check({ ...CLOUDFLARE, headers: { 'content-type': 'application/octet-stream' } });
    expect(problems).toContainEqual(
      expect.stringMatching(/rwchr-event\.ics: is sent as application\/octet-stream, expected text\/calendar$/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /cite\.bib \(and \d+ other files\): is sent as application\/octet-stream, expected application\/x-bibtex/,
      ),
    );
  });

  it('reports URLs still on localhost', async () => {
    expect((await check(CLOUDFLARE, { localhost: true })).problems).toEqual([
      expect.stringMatching(
        / \(and \d+ other files\): has URLs on http:\/\/localhost:4321: the site was built without READER_SITE; build with READER_SITE=http:\/\/127\.0\.0\.1:\d+$/,
      ),
    ]);
  });

  it('reports WebAssembly stored for a host that compresses it, on a host that does not', async () => {
    const unzipped = (dir: string) => shipWasm(join(dir, 'pagefind'), { hostCompressesWasm: true });
    expect((await check(CLOUDFLARE, { before: unzipped })).problems).toEqual([
      expect.stringMatching(
        /wasm\.en\.pagefind: is Pagefind's WebAssembly stored unzipped \(READER_HOST_COMPRESSES_WASM\) but this host sends it uncompressed \(\d+ B of application\/octet-stream\): rebuild without READER_HOST_COMPRESSES_WASM/,
      ),
    ]);
    // Marked application/wasm by _headers, as that build marks it, the host compresses it: nothing to report.
    const marked = async (dir: string) => {
      await unzipped(dir);
      appendFileSync(join(dir, '_headers'), `\n${wasmHeaderRules(join(dir, 'pagefind'))}`);
    };
    expect((await check(CLOUDFLARE, { before: marked })).problems).toEqual([]);
  });

  it('runs as `npm run check:deploy -- URL`, printing the problems and exiting 1', async () => {
    const result = await deployed(
      GITHUB_PAGES,
      (server) =>
        new Promise<{ status: number | null; stdout: string }>((done) => {
          const child = spawn(process.execPath, ['tools/check-deploy.ts', server.url], {
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let stdout = '';
          child.stdout.on('data', (chunk) => (stdout += chunk));
          child.on('close', (status) => done({ status, stdout }));
        }),
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/has no x-content-type-options header nosniff/);
    expect(result.stdout).toMatch(/\n3 problems in \d+ files checked at http:\/\/127\.0\.0\.1:\d+\/\n$/);
  });
});
