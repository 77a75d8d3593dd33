// `npm run bench`: builds our site and the same five sections with Astro Starlight (tools/bench-starlight.ts),
// serves both on 127.0.0.1 with the same server and compression (brotli over HTTPS with a throwaway certificate
// when openssl is there; else gzip over HTTP), and drives Chromium to measure, for both sites in the same run,
// each page's first visit (bytes by type, raw and over the wire, requests, JavaScript run on load) and the first
// search for a list of queries, cold (new browser context, from a section page: key press to first result) and
// warm (same page, next query), and cold again on a slow phone (4× CPU, 150 ms latency, 1.6 Mbit/s). Runs
// alternate between the sites (ours, Starlight, ours, …) so noise hits both. Ours is measured on two kinds of
// host: one that reads _headers and compresses WebAssembly (Cloudflare, Bunny; the site built with
// READER_HOST_COMPRESSES_WASM), and any static host (no _headers, text types compressed: GitHub Pages; the default
// build, whose WebAssembly is gzipped). Then search quality: the judged query set through each site's search UI
// (tools/bench-search.ts), for ours and Starlight. Prints tables with the ratio ours / Starlight and writes
// bench-results/bench-<date>.json (git-ignored).
// Timings are medians of RUNS runs; they are never tests.
import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildStarlight } from './bench-starlight.ts';
import { measureQuality, type Quality } from './bench-search.ts';
import { JUDGED } from '../tests/support/judged-queries.ts';
import { serveDist, type RunningServer } from './static-server.ts';
import { throttleLikeASlowPhone } from '../tests/support/slow-phone.ts';

// Our search UI: the key that opens it, the dialog's input, a result's link. Change these when the UI changes.
const OUR_SEARCH_KEY = '/';
const OUR_SEARCH_INPUT = '.search-dialog input[type="search"]';
const OUR_RESULT_LINK = '.search-dialog .result-link';
// Starlight's: its search dialog (Ctrl+K: Starlight 0.42 has no "/" shortcut) with Pagefind's default UI.
const STARLIGHT_SEARCH_KEY = 'Control+k';
const STARLIGHT_SEARCH_INPUT = 'site-search dialog .pagefind-ui__search-input';
const STARLIGHT_RESULT_LINK = 'site-search dialog .pagefind-ui__result-link';
/** The section page searches start from, and whose first visit the comparison shows; both sites have it. */
const SECTION_PAGE = 'china-united-front/sharp-power/';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const JUDGED_COUNT = JUDGED.length;
const QUERIES = ['united front', 'sharp power', 'wolf warrior', 'Joske', 'human rights'];
const WARM_QUERY = 'sharp';
/** The summary row that pools every query's runs. */
const ALL = 'all queries';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const buildTimes: number[] = [];
for (let i = 0; i < Math.min(RUNS, 3); i++) {
  const started = performance.now();
  execFileSync(process.execPath, ['tools/build.ts', '--silent'], { stdio: 'inherit' });
  buildTimes.push(performance.now() - started);
}
const ANY_HOST_DIST = process.env.READER_OUT_DIR || 'dist';
const WASM_HOST_DIST = '.cache/bench-wasm-host';
execFileSync(process.execPath, ['tools/build.ts', '--silent'], {
  stdio: 'inherit',
  env: { ...process.env, READER_OUT_DIR: WASM_HOST_DIST, READER_HOST_COMPRESSES_WASM: '1' },
});
const starlightStarted = performance.now();
const starlightDist = await buildStarlight();
const starlightBuildMs = performance.now() - starlightStarted;

/** A self-signed certificate for 127.0.0.1 in a temporary folder (removed at once), or null without openssl. */
function throwawayCertificate(): { key: string; cert: string } | null {
  const dir = mkdtempSync(join(tmpdir(), 'bench-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'].concat([
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ]),
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Chromium offers brotli only over HTTPS. Trusting the certificate by its key (not ignoring every certificate
// error) keeps Chromium's behaviour as with a valid certificate, its HTTP cache included.
const tls = process.env.BENCH_HTTP ? null : throwawayCertificate();
const args = [...ARGS];
if (tls) {
  const spki = new X509Certificate(tls.cert).publicKey.export({ type: 'spki', format: 'der' });
  args.push(`--ignore-certificate-errors-spki-list=${createHash('sha256').update(spki).digest('base64')}`);
}

interface Site {
  name: 'ours' | 'ours-any-host' | 'starlight';
  label: string;
  server: RunningServer;
  key: string;
  input: string;
  resultLink: string;
  pages: string[];
}
const sites: Site[] = [
  {
    name: 'ours',
    label: 'ours (host compresses wasm)',
    server: await serveDist({ root: WASM_HOST_DIST, compress: true, headersFile: true, tls: tls ?? undefined }),
    key: OUR_SEARCH_KEY,
    input: OUR_SEARCH_INPUT,
    resultLink: OUR_RESULT_LINK,
    pages: [
      '',
      'china-united-front/',
      SECTION_PAGE,
      'china-united-front/rwchr-event/',
      'china-united-front/all/',
      'search/',
    ],
  },
  {
    name: 'ours-any-host',
    label: 'ours (any host)',
    // As GitHub Pages serves it: no _headers read, only text types compressed.
    server: await serveDist({ root: ANY_HOST_DIST, compress: true, tls: tls ?? undefined }),
    key: OUR_SEARCH_KEY,
    input: OUR_SEARCH_INPUT,
    resultLink: OUR_RESULT_LINK,
    pages: [SECTION_PAGE],
  },
  {
    name: 'starlight',
    label: 'Starlight',
    // Without our _headers: its Content-Security-Policy would block Starlight's inline scripts.
    server: await serveDist({ root: starlightDist, compress: true, tls: tls ?? undefined }),
    key: STARLIGHT_SEARCH_KEY,
    input: STARLIGHT_SEARCH_INPUT,
    resultLink: STARLIGHT_RESULT_LINK,
    pages: ['', SECTION_PAGE, 'china-united-front/rwchr-event/'],
  },
];
const browser = await chromium.launch({ executablePath: CHROMIUM, args });

interface Load {
  requests: number;
  wire: number;
  byType: Record<string, { raw: number; wire: number }>;
  scriptOnLoad: number;
  encodings: string[];
}

/** Records every response's type, decoded size and bytes over the wire (CDP's encodedDataLength). */
async function recordLoads(page: Page): Promise<() => Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const types = new Map<string, string>();
  const encodings = new Set<string>();
  const load: Load = { requests: 0, wire: 0, byType: {}, scriptOnLoad: 0, encodings: [] };
  cdp.on('Network.responseReceived', (e) => {
    types.set(e.requestId, e.type);
    const encoding = Object.entries(e.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding');
    if (encoding) encodings.add(String(encoding[1]));
  });
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
  return () => ({ ...load, encodings: [...encodings] });
}

async function firstVisit(site: Site, path: string): Promise<Load> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const loads = await recordLoads(page);
  await page.goto(site.server.url + path, { waitUntil: 'networkidle' });
  const load = loads();
  load.scriptOnLoad = load.byType.Script?.raw ?? 0;
  load.scriptOnLoad += await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')].reduce(
      (n, s) => n + (s.textContent?.length ?? 0),
      0,
    ),
  );
  await context.close();
  return load;
}

interface SearchRun {
  coldMs: number;
  /** Response bodies as sent (compressed). */
  coldWire: number;
  /** Response headers, counted apart: over HTTP/1.1 ours repeat a 1 KB Content-Security-Policy on every response
   * (Starlight is served without one), which HTTP/2 and HTTP/3 compress away after the first. */
  coldHeaders: number;
  coldRequests: number;
  warmMs: number;
}

/** The first result's item (its link's list item), as HTML: it changes when a new query's results are shown. */
function firstResultHtml(selector: string): string | null {
  const link = document.querySelector(selector);
  return link ? (link.closest('li') ?? link.parentElement ?? link).innerHTML : null;
}

// Search as a reader meets it: on a section page, press the search key, type the query, wait for the first result.
// Bytes are every response body from that key press on (workers' requests included), as sent; headers apart.
async function searchOnce(site: Site, query: string, slowPhone = false): Promise<SearchRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (slowPhone) await throttleLikeASlowPhone(page);
  await page.goto(site.server.url + SECTION_PAGE, { waitUntil: 'networkidle' });
  let bytes = 0;
  let headerBytes = 0;
  let requests = 0;
  context.on('requestfinished', (request) => {
    requests += 1;
    void request.sizes().then((sizes) => {
      bytes += sizes.responseBodySize;
      headerBytes += sizes.responseHeadersSize;
    });
  });
  const started = Date.now();
  await page.keyboard.press(site.key);
  const input = page.locator(site.input);
  // A key pressed before a site's script listens is lost (on a slow phone, Starlight's can be late): press again,
  // the clock still running from the first press, and count it.
  for (let tries = 1; !(await input.isVisible()); tries++) {
    if (tries > 5) throw new Error(`${site.label}: the search key opened no search box`);
    await input.waitFor({ state: 'visible', timeout: 5000 }).catch(async () => {
      extraPresses[site.name] += 1;
      await page.keyboard.press(site.key);
    });
  }
  await input.fill(query);
  await page.locator(site.resultLink).first().waitFor({ timeout: 20_000 });
  const coldMs = Date.now() - started;
  if (slowPhone) {
    await context.close();
    return { coldMs, coldWire: 0, coldHeaders: 0, coldRequests: 0, warmMs: 0 };
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const coldWire = bytes;
  const coldHeaders = headerBytes;
  const coldRequests = requests;
  const before = await page.evaluate(firstResultHtml, site.resultLink);
  const warmStarted = Date.now();
  await input.fill(WARM_QUERY);
  await page.waitForFunction(
    ([selector, previous]) => {
      const link = document.querySelector(selector);
      const html = link ? (link.closest('li') ?? link.parentElement ?? link).innerHTML : null;
      return html !== null && html !== previous;
    },
    [site.resultLink, before] as const,
    { timeout: 20_000 },
  );
  const warmMs = Date.now() - warmStarted;
  await context.close();
  return { coldMs, coldWire, coldHeaders, coldRequests, warmMs };
}

/** Search keys pressed again because the first opened nothing, by site. */
const extraPresses: Record<Site['name'], number> = { ours: 0, 'ours-any-host': 0, starlight: 0 };
const pageResults: Record<Site['name'], Record<string, Load>> = { ours: {}, 'ours-any-host': {}, starlight: {} };
for (const site of sites)
  for (const path of site.pages) pageResults[site.name][path || '/'] = await firstVisit(site, path);

// A discarded round of searches first: the server compresses each file on its first request and keeps it, as a
// host's cache would, so that compressing is not timed.
for (const query of QUERIES) for (const site of sites) await searchOnce(site, query);

const runs: Record<Site['name'], Record<string, SearchRun[]>> = { ours: {}, 'ours-any-host': {}, starlight: {} };
for (let run = 0; run < RUNS; run++) {
  for (const query of QUERIES) {
    for (const site of sites) (runs[site.name][query] ??= []).push(await searchOnce(site, query));
  }
}
// The same cold search on a slow phone (4× CPU, 150 ms, 1.6 Mbit/s): fewer runs, each takes seconds.
const SLOW_RUNS = Math.min(RUNS, 3);
// The slow phone and search quality compare ours (as the host that compresses WebAssembly serves it) with Starlight.
const pair = sites.filter((site): site is Site & { name: 'ours' | 'starlight' } => site.name !== 'ours-any-host');
const slowRuns: Record<'ours' | 'starlight', number[]> = { ours: [], starlight: [] };
for (let run = 0; run < SLOW_RUNS; run++)
  for (const query of QUERIES)
    for (const site of pair) slowRuns[site.name].push((await searchOnce(site, query, true)).coldMs);

// Search quality from the judged query set, each site through its own search UI.
const quality = {} as Record<'ours' | 'starlight', Quality>;
for (const site of pair) quality[site.name] = await measureQuality(browser, { name: site.name, url: site.server.url });

await browser.close();
for (const site of sites) await site.server.close();

const summarise = (list: SearchRun[]): SearchRun => ({
  coldMs: median(list.map((r) => r.coldMs)),
  coldWire: median(list.map((r) => r.coldWire)),
  coldHeaders: median(list.map((r) => r.coldHeaders)),
  coldRequests: median(list.map((r) => r.coldRequests)),
  warmMs: median(list.map((r) => r.warmMs)),
});
const searchResults = Object.fromEntries(
  sites.map((site) => [
    site.name,
    Object.fromEntries([
      ...Object.entries(runs[site.name]).map(([query, list]) => [query, summarise(list)]),
      // Every run of every query together: the steadier figure when runs are few and noisy.
      [ALL, summarise(Object.values(runs[site.name]).flat())],
    ]),
  ]),
) as Record<Site['name'], Record<string, SearchRun>>;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const compare = (name: Site['name']) =>
  Object.fromEntries(
    [...QUERIES, ALL].map((query) => {
      const ours = searchResults[name][query];
      const theirs = searchResults.starlight[query];
      return [query, { coldMs: ratio(ours.coldMs, theirs.coldMs), coldWire: ratio(ours.coldWire, theirs.coldWire) }];
    }),
  );
const comparison = compare('ours');
const comparisonAnyHost = compare('ours-any-host');

const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, chromium: browser.version() },
  runs: RUNS,
  transport: tls ? 'https (self-signed, trusted by key), brotli' : 'http, gzip (browsers offer brotli only over https)',
  sites: {
    ours: { buildMs: median(buildTimes), pages: pageResults.ours, search: searchResults.ours },
    'ours-any-host': { pages: pageResults['ours-any-host'], search: searchResults['ours-any-host'] },
    starlight: {
      versions: JSON.parse(readFileSync('bench/starlight/package.json', 'utf8')).dependencies,
      buildMs: starlightBuildMs,
      pages: pageResults.starlight,
      search: searchResults.starlight,
    },
  },
  /** ours / Starlight, per query, of the medians. */
  ratio: comparison,
  ratioAnyHost: comparisonAnyHost,
  /** Key to first results on the slow-phone profile, median of every run of every query. */
  slowPhone: {
    runs: SLOW_RUNS,
    ours: median(slowRuns.ours),
    starlight: median(slowRuns.starlight),
    raw: slowRuns,
  },
  quality,
  extraPresses,
  raw: runs,
};
mkdirSync('bench-results', { recursive: true });
const file = `bench-results/bench-${result.date.slice(0, 10)}.json`;
writeFileSync(file, JSON.stringify(result, null, 2));

const kb = (n: number) => (n / 1024).toFixed(1);
console.log(`\nserved over ${result.transport}`);
console.log(
  `build: ours ${(result.sites.ours.buildMs / 1000).toFixed(1)} s (median of ${buildTimes.length}), Starlight ${(starlightBuildMs / 1000).toFixed(1)} s (once)`,
);
console.log(
  '\npage                                          requests  over the wire KB  (html/css/js/font/img)  JS on load KB  encodings',
);
for (const site of sites) {
  for (const [path, load] of Object.entries(pageResults[site.name])) {
    const t = (name: string) => kb(load.byType[name]?.wire ?? 0);
    console.log(
      `${`${site.label} ${path}`.padEnd(46)}${String(load.requests).padStart(8)}${kb(load.wire).padStart(18)}  (${t('Document')}/${t('Stylesheet')}/${t('Script')}/${t('Font')}/${t('Image')})${kb(load.scriptOnLoad).padStart(14)}  ${load.encodings.join(',')}`,
    );
  }
}
console.log(
  `\nsearch from ${SECTION_PAGE} (median of ${RUNS})   key to first results cold ms   bytes KB   headers KB   requests   warm ms`,
);
for (const query of [...QUERIES, ALL]) {
  for (const site of sites) {
    const s = searchResults[site.name][query];
    console.log(
      `${`${query} (${site.label})`.padEnd(44)}${String(s.coldMs).padStart(30)}${kb(s.coldWire).padStart(11)}${kb(s.coldHeaders).padStart(13)}${String(s.coldRequests).padStart(11)}${String(s.warmMs).padStart(10)}`,
    );
  }
}
const ours = pageResults.ours[SECTION_PAGE];
const theirs = pageResults.starlight[SECTION_PAGE];
console.log(`\nours / Starlight                  cold time   search bytes   (any host: cold time   search bytes)`);
for (const query of [...QUERIES, ALL]) {
  const [a, b] = [comparison[query], comparisonAnyHost[query]];
  console.log(
    `${query.padEnd(32)}${a.coldMs.toFixed(2).padStart(11)}${a.coldWire.toFixed(2).padStart(15)}${b.coldMs.toFixed(2).padStart(23)}${b.coldWire.toFixed(2).padStart(15)}`,
  );
}
console.log(
  `section page first visit: ${kb(ours.wire)} / ${kb(theirs.wire)} KB over the wire (${ratio(ours.wire, theirs.wire)}), ` +
    `${ours.requests} / ${theirs.requests} requests, ${kb(ours.scriptOnLoad)} / ${kb(theirs.scriptOnLoad)} KB JS on load`,
);
console.log(
  `\nslow phone (4× CPU, 150 ms, 1.6 Mbit/s), key to first results, median of ${SLOW_RUNS} runs of each query: ` +
    `ours ${result.slowPhone.ours} ms, Starlight ${result.slowPhone.starlight} ms (${ratio(result.slowPhone.ours, result.slowPhone.starlight)})`,
);
console.log(
  `search keys pressed again because the first opened nothing: ours ${extraPresses.ours}, Starlight ${extraPresses.starlight}`,
);
const share = (n: number, of: number) => `${((n / of) * 100).toFixed(0)} %`.padStart(8);
console.log(
  `\nsearch quality, ${JUDGED_COUNT} judged queries      first right        MRR   results holding the words   landings marking a word`,
);
for (const site of pair) {
  const q = quality[site.name];
  console.log(
    `${site.label.padEnd(40)}${share(q.firstRight, q.queries)}${q.mrr.toFixed(2).padStart(11)}${share(q.holding, q.listed).padStart(16)} of ${String(q.listed).padEnd(8)}${share(q.marking, q.landings).padStart(12)} of ${q.landings}`,
  );
}
for (const site of pair)
  for (const miss of quality[site.name].misses)
    console.log(
      `  ${site.label} misses "${miss.query}": first ${miss.got ?? '(nothing)'}, judged ${miss.first ?? '(nothing)'}`,
    );
console.log(`\nwritten to ${file}`);
