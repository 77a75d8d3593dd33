// `npm run bench:scale [-- --sizes 10,100,1000] [--seed 7] [--runs 3] [--keep]`: how the build and the first search
// grow with the library. For each size it writes a synthetic library of that many briefings of five sections
// (scripts/scale-library.ts; deterministic from the seed) into a temporary folder, builds it with
// READER_CONTENT_DIR and READER_OUT_DIR pointing at temporary folders, and measures the build's time, the size of
// the output and of its Pagefind index, and, in Chromium, the first search for a word of the synthetic text: bytes
// fetched (all, and those under /pagefind/) and the time from opening /search/?q=… to the first result link
// (median of --runs cold runs, each in a new browser context). Prints a table and writes
// bench-results/bench-scale-<date>.json (git-ignored).
//
// The builds run in a scratch copy of the project (src/, public/, scripts/, the config files; node_modules linked),
// so they never touch dist/, content/ or the project's .cache/ and .astro/, and a concurrent `npm test` or an edit
// in progress cannot disturb them. Timings are never tests.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { serveDist } from './static-server.ts';
import { QUERY_WORD, SECTIONS_PER_BRIEFING, writeSyntheticLibrary } from './scale-library.ts';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,1000' },
    seed: { type: 'string', default: '7' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = options.sizes.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error(`--sizes must be whole numbers: ${options.sizes}`);
const seed = Number(options.seed);
const runs = Math.max(1, Number(options.runs));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const PROJECT = resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Total bytes and number of files under a folder. */
function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const info = statSync(join(dir, name));
    if (info.isFile()) {
      bytes += info.size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** A copy of what `astro build` reads, with node_modules linked, so the build's caches stay in the scratch folder. */
function scratchProject(root: string): string {
  const project = join(root, 'project');
  mkdirSync(project);
  for (const entry of ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(PROJECT, entry), join(project, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT, 'node_modules'), join(project, 'node_modules'), 'dir');
  return project;
}

interface SearchRun {
  ms: number;
  documentMs: number;
  bytes: number;
  pagefindBytes: number;
  pagefindRequests: number;
  documentBytes: number;
  requests: string[];
}

/** One cold first search in a new context: time to the first result link, and bytes over the wire by kind. */
async function firstSearch(browser: Browser, url: string): Promise<SearchRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Playwright's request events include the requests of the page's workers (Pagefind fetches its index from one),
  // which a CDP session attached to the page alone does not see.
  const finished: Promise<void>[] = [];
  const run = { bytes: 0, pagefindBytes: 0, pagefindRequests: 0, documentBytes: 0, requests: [] as string[] };
  page.on('requestfinished', (request) =>
    finished.push(
      request.sizes().then((sizes) => {
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        const path = new URL(request.url()).pathname;
        run.requests.push(`${path} ${bytes}`);
        run.bytes += bytes;
        if (path.includes('/pagefind/')) {
          run.pagefindBytes += bytes;
          run.pagefindRequests += 1;
        }
        if (path === '/search/') run.documentBytes += bytes;
      }),
    ),
  );
  const started = Date.now();
  await page.goto(`${url}search/?q=${encodeURIComponent(QUERY_WORD)}`);
  await page.locator('.results .result-link').first().waitFor({ timeout: 60_000 });
  const ms = Date.now() - started;
  await page.waitForLoadState('networkidle');
  await Promise.all(finished);
  const documentMs = await page.evaluate(() =>
    Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd),
  );
  await context.close();
  return { ms, documentMs, ...run };
}

const root = mkdtempSync(join(tmpdir(), 'reader-scale-'));
console.log(`scratch folder: ${root}`);
const project = scratchProject(root);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

const results = [];
try {
  for (const briefings of sizes) {
    const content = join(root, `content-${briefings}`);
    const out = join(root, `dist-${briefings}`);
    const library = writeSyntheticLibrary(content, briefings, seed);
    console.log(`\n${briefings} briefings (${library.sections} sections, ${library.words} words of text): building…`);
    const started = performance.now();
    const build = spawnSync(process.execPath, ['scripts/build.ts', '--silent'], {
      cwd: project,
      env: { ...process.env, READER_CONTENT_DIR: content, READER_OUT_DIR: out, READER_BASE: '', READER_SITE: '' },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const buildMs = performance.now() - started;
    if (build.status !== 0 || !existsSync(join(out, 'index.html'))) {
      console.error(build.stdout.slice(-4000), build.stderr.slice(-4000));
      throw new Error(`the build of ${briefings} briefings failed (exit ${build.status})`);
    }
    const dist = folderSize(out);
    const pagefind = folderSize(join(out, 'pagefind'));
    const searchPageRawBytes = statSync(join(out, 'search', 'index.html')).size;
    console.log(`  built in ${(buildMs / 1000).toFixed(1)} s; searching for "${QUERY_WORD}"…`);

    const server = await serveDist({ root: out, compress: true, headersFile: true });
    const searches: SearchRun[] = [];
    try {
      for (let i = 0; i < runs; i++) searches.push(await firstSearch(browser, server.url));
    } finally {
      await server.close();
    }
    const pick = (key: Exclude<keyof SearchRun, 'requests'>) => median(searches.map((s) => s[key]));
    results.push({
      briefings,
      sections: library.sections,
      words: library.words,
      buildMs: Math.round(buildMs),
      buildMsPerSection: Math.round((buildMs / library.sections) * 10) / 10,
      distBytes: dist.bytes,
      distFiles: dist.files,
      pagefindBytes: pagefind.bytes,
      pagefindFiles: pagefind.files,
      search: {
        query: QUERY_WORD,
        runs,
        firstResultsMs: pick('ms'),
        searchPageLoadedMs: pick('documentMs'),
        bytes: pick('bytes'),
        pagefindBytes: pick('pagefindBytes'),
        pagefindRequests: pick('pagefindRequests'),
        searchPageBytes: pick('documentBytes'),
        searchPageRawBytes,
        all: searches,
      },
    });
    if (!options.keep) rmSync(out, { recursive: true, force: true });
  }
} finally {
  await browser.close();
  if (options.keep) console.log(`\nkept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}

const result = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: browser.version(),
  },
  seed,
  sectionsPerBriefing: SECTIONS_PER_BRIEFING,
  sizes: results,
};
mkdirSync(join(PROJECT, 'bench-results'), { recursive: true });
const file = `bench-results/bench-scale-${result.date.slice(0, 10)}.json`;
writeFileSync(join(PROJECT, file), JSON.stringify(result, null, 2));

const kb = (n: number) => (n / 1024).toFixed(1);
const mb = (n: number) => (n / 2 ** 20).toFixed(1);
const rows = [
  [
    'briefings',
    'sections',
    'build s',
    'ms/section',
    'dist MB',
    'pagefind MB',
    'search KB (pagefind)',
    'search page KB',
    'first results ms',
  ],
  ...results.map((r) => [
    String(r.briefings),
    String(r.sections),
    (r.buildMs / 1000).toFixed(1),
    String(r.buildMsPerSection),
    mb(r.distBytes),
    mb(r.pagefindBytes),
    `${kb(r.search.bytes)} (${kb(r.search.pagefindBytes)})`,
    kb(r.search.searchPageBytes),
    String(r.search.firstResultsMs),
  ]),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
console.log(
  `\nfirst search: "${QUERY_WORD}", cold, median of ${runs}; bytes over the wire (gzip: plain HTTP), headers included`,
);
for (const row of rows) console.log(row.map((cell, i) => cell.padStart(widths[i])).join('  '));
console.log(`\nwritten to ${file}`);
