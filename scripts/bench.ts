// `npm run bench`: builds, serves dist/ on 127.0.0.1 with brotli and the _headers headers, and drives Chromium to
// measure each page's first visit (bytes by type, raw and over the wire, requests, JavaScript run on load) and the
// first search for a list of queries, cold (new browser context) and warm (same page). Prints a table and writes
// bench-results/bench-<date>.json (git-ignored). Timings are medians of RUNS runs; they are never tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { serveDist } from './static-server.ts';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const QUERIES = ['united front', 'sharp power', 'wolf warrior', 'Joske', 'human rights'];
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const buildTimes: number[] = [];
for (let i = 0; i < Math.min(RUNS, 3); i++) {
  const started = performance.now();
  execFileSync(process.execPath, ['scripts/build.ts', '--silent'], { stdio: 'inherit' });
  buildTimes.push(performance.now() - started);
}

const server = await serveDist({ root: process.env.READER_OUT_DIR || 'dist', compress: true, headersFile: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

interface Load {
  requests: number;
  wire: number;
  byType: Record<string, { raw: number; wire: number }>;
  scriptOnLoad: number;
}

/** Records every response's type, decoded size and bytes over the wire (CDP's encodedDataLength). */
async function recordLoads(page: Page): Promise<() => Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const types = new Map<string, string>();
  const load: Load = { requests: 0, wire: 0, byType: {}, scriptOnLoad: 0 };
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.dataReceived', (e) => {
    const type = types.get(e.requestId) ?? 'Other';
    (load.byType[type] ??= { raw: 0, wire: 0 }).raw += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const type = types.get(e.requestId) ?? 'Other';
    (load.byType[type] ??= { raw: 0, wire: 0 }).wire += e.encodedDataLength;
    load.requests += 1;
    load.wire += e.encodedDataLength;
  });
  return () => load;
}

const pages = [
  '',
  'china-united-front/',
  'china-united-front/sharp-power/',
  'china-united-front/rwchr-event/',
  'china-united-front/all/',
  'search/',
];
const pageResults: Record<string, Load> = {};
for (const path of pages) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const loads = await recordLoads(page);
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  const load = loads();
  load.scriptOnLoad = load.byType.Script?.raw ?? 0;
  load.scriptOnLoad += await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')].reduce(
      (n, s) => n + (s.textContent?.length ?? 0),
      0,
    ),
  );
  pageResults[path || '/'] = load;
  await context.close();
}

// Search as a reader meets it: on a section page, press "/", type the query, wait for the first result.
// Bytes are every response body from that key press on (workers' requests included), as sent.
const searchResults: Record<string, { coldMs: number; coldWire: number; coldRequests: number; warmMs: number }> = {};
for (const query of QUERIES) {
  const cold: number[] = [];
  const coldWire: number[] = [];
  const coldRequests: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}china-united-front/sharp-power/`, { waitUntil: 'networkidle' });
    let bytes = 0;
    let requests = 0;
    context.on('requestfinished', (request) => {
      requests += 1;
      void request.sizes().then((sizes) => (bytes += sizes.responseBodySize + sizes.responseHeadersSize));
    });
    const started = Date.now();
    await page.keyboard.press('/');
    const input = page.locator('pagefind-modal pagefind-input input');
    await input.fill(query);
    const firstResult = page.locator('pagefind-modal .pf-result-link').first();
    await firstResult.waitFor({ timeout: 20_000 });
    cold.push(Date.now() - started);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    coldWire.push(bytes);
    coldRequests.push(requests);
    const first = await firstResult.textContent();
    const warmStarted = Date.now();
    await input.fill('sharp');
    await page.waitForFunction(
      (previous) => document.querySelector('pagefind-modal .pf-result-link')?.textContent !== previous,
      first,
    );
    warm.push(Date.now() - warmStarted);
    await context.close();
  }
  searchResults[query] = {
    coldMs: median(cold),
    coldWire: median(coldWire),
    coldRequests: median(coldRequests),
    warmMs: median(warm),
  };
}
await browser.close();
await server.close();

const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, chromium: browser.version() },
  runs: RUNS,
  buildMs: median(buildTimes),
  pages: pageResults,
  search: searchResults,
};
mkdirSync('bench-results', { recursive: true });
const file = `bench-results/bench-${result.date.slice(0, 10)}.json`;
writeFileSync(file, JSON.stringify(result, null, 2));

const kb = (n: number) => (n / 1024).toFixed(1);
console.log(`\nbuild: ${(result.buildMs / 1000).toFixed(1)} s (median of ${buildTimes.length})`);
console.log(
  '\npage                                  requests  over the wire KB  (html/css/js/font/img)  JS on load KB',
);
for (const [path, load] of Object.entries(pageResults)) {
  const t = (name: string) => kb(load.byType[name]?.wire ?? 0);
  console.log(
    `${path.padEnd(38)}${String(load.requests).padStart(8)}${kb(load.wire).padStart(18)}  (${t('Document')}/${t('Stylesheet')}/${t('Script')}/${t('Font')}/${t('Image')})${kb(load.scriptOnLoad).padStart(14)}`,
  );
}
console.log(
  `\nsearch from a section page (median of ${RUNS})   "/" to first results cold ms   bytes KB   requests   warm ms`,
);
for (const [query, s] of Object.entries(searchResults)) {
  console.log(
    `${query.padEnd(44)}${String(s.coldMs).padStart(30)}${kb(s.coldWire).padStart(11)}${String(s.coldRequests).padStart(11)}${String(s.warmMs).padStart(10)}`,
  );
}
console.log(`\nwritten to ${file}`);
