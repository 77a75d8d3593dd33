// The budgets that only a browser can measure (tests/build/budgets.test.ts reads the HTML for the rest):
// - every script a reading page runs on load, including the modules its page script imports on load;
// - everything the first search fetches, from the key press that opens search to the first results, sized as a
//   static host serves it (brotli 11 for the types hosts compress, as stored for the rest), on two kinds of host.
//   The files are the ones the real search requested; their sizes come from dist/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { compressible, contentType, headersFor, parseHeadersFile } from '../../tools/static-server';
import { describeInBrowser } from '../support/browser';
import { DIST, pagesByTemplate } from '../support/dist';
import { BUDGET, brotliSize, KB } from '../support/page-weight';

/**
 * One page of each template a reader reads (tests/build/budgets.test.ts counts every page's scripts from its HTML);
 * /search/ loads the search code by design.
 */
const readingPages = pagesByTemplate()
  .filter((file) => file !== 'search/index.html')
  .map((file) => file.replace(/index\.html$/, ''));

interface ScriptsOnLoad {
  bytes: number;
  scripts: { url: string; bytes: number }[];
  /** The service worker's script, if the page registered it: it runs in the worker, not in the page. */
  worker?: { bytes: number; afterLoad: boolean };
}

const isWorkerScript = (url: string) => new URL(url).pathname === '/sw.js';

/**
 * Loads `address` with no interaction and sums the decoded bytes (UTF-8) of the inline scripts that run and of
 * every script response until the network has been idle for 500 ms after the load event.
 */
async function scriptsOnLoad(page: Page, address: string): Promise<ScriptsOnLoad> {
  const responses: Promise<{ url: string; bytes: number }>[] = [];
  let worker: Promise<{ bytes: number } | undefined> | undefined;
  // Whether the page registers its worker once its load event has begun, seen in the page itself (the load event as
  // Playwright reports it can reach the test after the request the page's load handler makes).
  await page.addInitScript(() => {
    const container = navigator.serviceWorker;
    if (!container) return;
    const register = container.register.bind(container);
    container.register = (...args: Parameters<ServiceWorkerContainer['register']>) => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      (window as unknown as { workerAfterLoad?: boolean }).workerAfterLoad = (navigation?.loadEventStart ?? 0) > 0;
      return register(...args);
    };
  });
  page.context().on('request', (request) => {
    if (isWorkerScript(request.url())) {
      // Caught: a page whose measure is over may close before the worker's script has come.
      worker = request
        .response()
        .then(async (response) => ({ bytes: (await response!.body()).length }))
        .catch(() => undefined);
    }
  });
  page.context().on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    // The worker's own script, and the worker fetching a script the page asked it for (the page's response is
    // counted): what the page runs is counted once.
    if (isWorkerScript(response.url()) || response.request().serviceWorker()) return;
    if (response.request().resourceType() === 'script' || /javascript|ecmascript/i.test(type))
      responses.push(response.body().then((body) => ({ url: new URL(response.url()).pathname, bytes: body.length })));
  });
  await page.goto(address, { waitUntil: 'networkidle' });
  // Inline scripts of a type the browser runs (JSON-LD and other data blocks are not run).
  const inline = await page.evaluate(() =>
    [...document.scripts]
      .filter((s) => !s.src && (!s.type || s.type === 'module' || /javascript/i.test(s.type)))
      .map((s) => new TextEncoder().encode(s.text).length),
  );
  const scripts = [
    ...inline.map((bytes, i) => ({ url: `inline #${i + 1}`, bytes })),
    ...(await Promise.all(responses)),
  ];
  const fetched = await worker;
  const afterLoad = await page.evaluate(() => (window as unknown as { workerAfterLoad?: boolean }).workerAfterLoad);
  return {
    bytes: scripts.reduce((sum, s) => sum + s.bytes, 0),
    scripts,
    worker: fetched && { ...fetched, afterLoad: afterLoad === true },
  };
}

const detail = (path: string, measured: ScriptsOnLoad) =>
  `/${path}: ${measured.bytes} B of JavaScript on load\n${measured.scripts.map((s) => `  ${s.url} ${s.bytes} B`).join('\n')}`;

describeInBrowser('JavaScript run on load, as the browser runs it', ({ newPage, url }) => {
  // A few pages at a time: each waits out 500 ms of network quiet.
  it.concurrent.for(readingPages)(
    `/%s runs at most ${BUDGET.scriptOnLoad / KB} KB of JavaScript on load`,
    async (path, { expect }) => {
      const page = await newPage();
      try {
        const measured = await scriptsOnLoad(page, url(path));
        expect(measured.bytes, detail(path, measured)).toBeLessThanOrEqual(BUDGET.scriptOnLoad);
      } finally {
        await page.context().close();
      }
    },
  );

  it('registers the offline service worker only after load, and its script stays small', async () => {
    const page = await newPage();
    try {
      const measured = await scriptsOnLoad(page, url('china-united-front/sharp-power/'));
      expect(measured.worker, 'the page registered no service worker').toBeDefined();
      expect(measured.worker!.afterLoad).toBe(true);
      const script = readFileSync(join(DIST, 'sw.js'));
      expect(measured.worker!.bytes).toBe(script.length);
      expect(brotliSize(script)).toBeLessThanOrEqual(BUDGET.serviceWorkerBrotli);
    } finally {
      await page.context().close();
    }
  });

  it('counts a module the page script imports on load (so the budget above can fail)', async () => {
    // ?highlight= makes the page script import the highlighting module as the page loads.
    const page = await newPage();
    try {
      const plain = await scriptsOnLoad(page, url('china-united-front/sharp-power/'));
      const highlighted = await scriptsOnLoad(page, url('china-united-front/sharp-power/?highlight=power'));
      const imported = highlighted.scripts.filter((s) => /\/_astro\/highlight-[\w-]+\.js$/.test(s.url));
      expect(imported, detail('china-united-front/sharp-power/?highlight=power', highlighted)).toHaveLength(1);
      expect(highlighted.bytes).toBe(plain.bytes + imported[0].bytes);
    } finally {
      await page.context().close();
    }
  });
});

/** Bytes of a file as a host sends it: brotli 11 for the types hosts compress, as stored for the rest. */
const sent = (bytes: Buffer, type: string) => (compressible(type) ? brotliSize(bytes) : bytes.length);

/**
 * The two kinds of static host. Any host: reads no _headers, compresses text types only, so the default build's
 * gzipped WebAssembly goes out as stored. A host that compresses WebAssembly: reads _headers, and the site is built
 * with READER_HOST_COMPRESSES_WASM, which stores the WebAssembly unzipped (tests/build/pagefind-failures.test.ts
 * checks those bytes are the gzip's) for the host's brotli.
 */
const HOSTS = {
  'any static host (no _headers, text types compressed)': {
    budget: BUDGET.firstSearchAnyHost,
    size: (path: string, bytes: Buffer) => sent(bytes, contentType(path)),
  },
  'a host that compresses WebAssembly (READER_HOST_COMPRESSES_WASM)': {
    budget: BUDGET.firstSearchBrotli,
    size: (path: string, bytes: Buffer, rules: ReturnType<typeof parseHeadersFile>) =>
      /\/wasm\.[^/]+\.pagefind$/.test(path)
        ? brotliSize(gunzipSync(bytes))
        : sent(bytes, headersFor(rules, path)['content-type'] ?? contentType(path)),
  },
};

describeInBrowser('the first search', ({ newPage, url }) => {
  let fetched: string[] = [];
  beforeAll(async () => {
    const page = await newPage();
    await page.goto(url('china-united-front/sharp-power/'), { waitUntil: 'networkidle' });
    page.on('requestfinished', (request) => fetched.push(new URL(request.url()).pathname));
    await page.keyboard.press('/');
    await page.locator('.search-dialog input[type="search"]').fill('united front');
    await page.locator('.search-dialog .result-link').first().waitFor({ timeout: 10_000 });
    await page.waitForLoadState('networkidle');
    fetched = [...fetched];
    await page.context().close();
  });

  it.for(Object.entries(HOSTS))(
    'fetches within its budget for "united front" from a section page on %s',
    ([, host]) => {
      const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
      const sizes = fetched.map((path) => ({ path, bytes: host.size(path, readFileSync(join(DIST, path)), rules) }));
      const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
      const detail = sizes.map((s) => `  ${s.path} ${s.bytes} B`).join('\n');
      expect(
        fetched.some((path) => path.endsWith('.pf_fragment')),
        detail,
      ).toBe(true);
      expect(total, `${total} B in ${sizes.length} requests:\n${detail}`).toBeLessThanOrEqual(host.budget);
    },
  );
});
