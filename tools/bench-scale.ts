// `npm run bench:scale [-- --sizes 10,100,1000] [--copies 100] [--seed 7] [--runs 3] [--keep] [--reuse DIR]`: how
// the build, the pages and the first search grow with the library. For each size it writes a synthetic library of
// that many briefings of five sections (tools/scale-library.ts; deterministic from the seed; with entities) into
// a temporary folder, and for --copies a library of that many copies of the real briefing (its text and entities),
// builds it with READER_CONTENT_DIR and READER_OUT_DIR pointing at temporary folders, and measures:
// - the build's time, ms a section (wall clock, and CPU time of the build's processes), and peak memory (the summed PSS of the build and every process it started,
//   sampled every second: resident memory with shared pages counted once), with what each process held at that peak
//   (the build script, Astro, Pagefind: its indexer and binary);
// - the size of dist/ and of its Pagefind index; the largest HTML page (path, raw and brotli 11); the size of
//   `_headers` (its Content-Security-Policy goes out with every response);
// - in Chromium, cold, each in a new browser context (median of --runs): the first search on /search/?q=… (bytes,
//   and ms from the page's navigation start to the first result link), in the dialog (from the "/" key on a section
//   page, the word typed, to its first result link; bytes fetched from then on), a misspelt word in the dialog and
//   on /search/ (ms until "Did you mean" shows; bytes, and the bytes and files of the search vocabulary), and, on
//   /search/ after its first results, opening the filters (ms until their counts show, and bytes). Times are read
//   in the page (performance.now(), from a script the page runs first), so the browser's own start and the
//   harness's round trips are not counted; the machine's load average is recorded beside them. The offline
//   service worker is blocked (Playwright cannot count the bytes it forwards), and the dialog's search is also
//   timed with it controlling the page, as a reader has it a moment after a first page has loaded.
// Prints a table and writes bench-results/bench-scale-<date>.json (git-ignored). --reuse takes the scratch folder
// of an earlier --keep run and measures the dist-* folders it holds without building them again.
//
// The builds run in a scratch copy of the project (src/, public/, scripts/, the config files; node_modules linked),
// so they never touch dist/, content/ or the project's .cache/ and .astro/, and a concurrent `npm test` or an edit
// in progress cannot disturb them. Timings are never tests.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveDist } from './static-server.ts';
import {
  QUERY_WORD,
  SECTIONS_PER_BRIEFING,
  TYPO_WORD,
  writeCopiesLibrary,
  writeSyntheticLibrary,
} from './scale-library.ts';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,1000' },
    copies: { type: 'string', default: '' },
    seed: { type: 'string', default: '7' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string', default: '' },
  },
});
const numbers = (list: string, what: string) => {
  const values = list ? list.split(',').map((s) => Number(s.trim())) : [];
  if (values.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`${what} must be whole numbers: ${list}`);
  return values;
};
const sizes = numbers(options.sizes, '--sizes');
const copies = numbers(options.copies, '--copies');
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

/** The largest HTML page, compressed as a static host stores it (brotli 11); only the 20 largest raw are tried. */
function largestPage(dir: string): { path: string; rawBytes: number; brotliBytes: number } {
  const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html') && !name.startsWith('pagefind'))
    .map((name) => ({ name, size: statSync(join(dir, name)).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 20)
    .map(({ name, size }) => ({
      path: `/${name.replace(/index\.html$/, '')}`,
      rawBytes: size,
      brotliBytes: brotliCompressSync(readFileSync(join(dir, name)), {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
    }));
  return pages.sort((a, b) => b.brotliBytes - a.brotliBytes)[0];
}

/** A copy of what `astro build` reads, with node_modules linked, so the build's caches stay in the scratch folder. */
function scratchProject(root: string): string {
  const project = join(root, 'project');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project);
  for (const entry of ['src', 'public', 'tools', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(PROJECT, entry), join(project, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT, 'node_modules'), join(project, 'node_modules'), 'dir');
  return project;
}

/** Which part of the build a process is, from its command line. */
function processKind(pid: number): 'astro' | 'pagefind' | 'build' {
  let command = '';
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // the process ended meanwhile
  }
  if (command.includes('astro.mjs')) return 'astro';
  if (command.includes('pagefind')) return 'pagefind';
  return 'build';
}

type Memory = Record<'total' | 'astro' | 'pagefind' | 'build', number>;

/**
 * How often the build's memory is sampled. Reading a process's smaps_rollup walks its page tables under the lock
 * its own allocations take, so sampling a 2 GB Astro every 200 ms (and starting `ps` each time) made the
 * 1,000-briefing build a fifth slower (277 s against 221 s); its peak, while it bundles, lasts several seconds.
 */
const SAMPLE_MS = 1000;

/**
 * The memory (bytes) of a process and all its descendants: the sum of their proportional set sizes (PSS, from
 * /proc/<pid>/smaps_rollup), which counts a page shared by several processes (node_modules, the Node binary) once,
 * where summing RSS would count it in every process; in all, and by part of the build.
 */
function treeMemory(root: number): Memory {
  // Each process's parent, from /proc/<pid>/stat (its fourth field, after the name in brackets).
  const rows: number[][] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      rows.push([Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])]);
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of rows)
      if (inTree.has(ppid) && !inTree.has(pid)) {
        inTree.add(pid);
        grew = true;
      }
  }
  const memory: Memory = { total: 0, astro: 0, pagefind: 0, build: 0 };
  for (const pid of inTree) {
    try {
      const pss = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
      if (!pss) continue;
      memory.total += Number(pss[1]) * 1024;
      memory[processKind(pid)] += Number(pss[1]) * 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return memory;
}

/** "1200 astro, 300 pagefind, 50 build" (MB): where the memory was at the peak. */
const peakParts = (by: Memory) =>
  (['astro', 'pagefind', 'build'] as const).map((part) => `${Math.round(by[part] / 2 ** 20)} ${part}`).join(', ');

interface Built {
  ms: number;
  /** CPU time of the build and its processes (user + system). */
  cpuMs: number | null;
  peakRss: number;
  /** What each part of the build held at the peak. */
  peakBy: Memory;
}

/** Runs the build, sampling the memory of its process tree; resolves with its time and peak RSS. */
function build(project: string, content: string, out: string): Promise<Built> {
  return new Promise((done, fail) => {
    const started = performance.now();
    // GNU time reports the CPU time of the build and of every process it waited for (Astro, Pagefind): unlike the
    // wall-clock time, it hardly changes when other work shares the machine.
    const child = spawn('/usr/bin/time', ['-f', 'BENCH-CPU %U %S', process.execPath, 'tools/build.ts', '--silent'], {
      cwd: project,
      env: { ...process.env, READER_CONTENT_DIR: content, READER_OUT_DIR: out, READER_BASE: '', READER_SITE: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-8000)));
    let peakBy: Memory = { total: 0, astro: 0, pagefind: 0, build: 0 };
    const sampler = setInterval(() => {
      try {
        const now = treeMemory(child.pid!);
        if (now.total > peakBy.total) peakBy = now;
      } catch {
        // the process ended between two samples
      }
    }, SAMPLE_MS);
    child.on('close', (status) => {
      clearInterval(sampler);
      const ms = performance.now() - started;
      if (status !== 0 || !existsSync(join(out, 'index.html')))
        fail(new Error(`the build failed (exit ${status}):\n${stderr}`));
      else {
        const cpu = stderr.match(/BENCH-CPU ([\d.]+) ([\d.]+)/);
        done({
          ms,
          cpuMs: cpu ? Math.round((Number(cpu[1]) + Number(cpu[2])) * 1000) : null,
          peakRss: peakBy.total,
          peakBy,
        });
      }
    });
  });
}

interface SearchRun {
  /** Measured in the page: from navigation start (/search/) or from the "/" key (the dialog) to what was awaited. */
  ms: number;
  /** The same from outside, as the harness saw it (includes starting the page and the protocol's round trips). */
  wallMs: number;
  bytes: number;
  /** The same without the response headers (which repeat the Content-Security-Policy on every response). */
  bodyBytes: number;
  pagefindBytes: number;
  pagefindRequests: number;
  vocabularyBytes: number;
  vocabularyRequests: number;
  documentBytes: number;
  requests: string[];
}

/** Counts what a page fetches (with its workers' requests) from the moment `start()` is called. */
function countRequests(page: Page) {
  const finished: Promise<void>[] = [];
  const run = {
    bytes: 0,
    bodyBytes: 0,
    pagefindBytes: 0,
    pagefindRequests: 0,
    vocabularyBytes: 0,
    vocabularyRequests: 0,
    documentBytes: 0,
    requests: [] as string[],
  };
  let counting = false;
  page.on('requestfinished', (request) => {
    if (!counting) return;
    finished.push(
      request.sizes().then((sizes) => {
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        const path = new URL(request.url()).pathname;
        run.requests.push(`${path} ${bytes}`);
        run.bytes += bytes;
        run.bodyBytes += sizes.responseBodySize;
        if (path.includes('/pagefind/')) {
          run.pagefindBytes += bytes;
          run.pagefindRequests += 1;
        }
        if (path.includes('/pagefind/vocabulary/')) {
          run.vocabularyBytes += bytes;
          run.vocabularyRequests += 1;
        }
        if (path === '/search/') run.documentBytes += bytes;
      }),
    );
  });
  return {
    start: () => (counting = true),
    done: async () => {
      await page.waitForLoadState('networkidle');
      await Promise.all(finished);
      return run;
    },
  };
}

/**
 * Run in the page before its own scripts: notes (performance.now(), from navigation start) when the "/" key goes
 * down, when the first result link, a "Did you mean" control and a filter count appear.
 */
function watchInPage() {
  const seen: Record<string, number> = {};
  (window as unknown as { benchSeen: Record<string, number> }).benchSeen = seen;
  addEventListener(
    'keydown',
    (event) => {
      if (event.key === '/' && seen.key === undefined) seen.key = performance.now();
    },
    { capture: true },
  );
  const marks: Record<string, string> = {
    result: '.results .result-link',
    suggestion: '.search-suggest:not([hidden]) :is(a, button)',
    filterCount: '.filter-option:not([hidden]) .filter-count:not(:empty)',
  };
  new MutationObserver(() => {
    for (const [name, selector] of Object.entries(marks))
      if (seen[name] === undefined && document.querySelector(selector)) seen[name] = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}
const seenInPage = (page: Page) =>
  page.evaluate(() => (window as unknown as { benchSeen: Record<string, number> }).benchSeen);

type Awaited = 'result' | 'suggestion';

/**
 * The offline service worker registers after load, takes control of the page and answers its requests (from the
 * network, keeping a copy). Playwright cannot count the bytes of requests a worker answers, so the searches are
 * measured without it; the dialog's is timed with it too.
 */
const WITHOUT_WORKER = { serviceWorkers: 'block' } as const;
const SELECTORS: Record<Awaited, (scope: string) => string> = {
  result: (scope) => `${scope} .results .result-link`,
  suggestion: (scope) => `${scope} .search-suggest:not([hidden]) :is(a, button)`,
};

/** One cold search on /search/?q=…: from navigation start to the first result link or to "Did you mean". */
async function searchPage(browser: Browser, url: string, word: string, waitFor: Awaited): Promise<SearchRun> {
  const context = await browser.newContext(WITHOUT_WORKER);
  const page = await context.newPage();
  await page.addInitScript(watchInPage);
  const counter = countRequests(page);
  counter.start();
  const started = Date.now();
  await page.goto(`${url}search/?q=${encodeURIComponent(word)}`);
  await page.locator(SELECTORS[waitFor]('.search-page')).first().waitFor({ timeout: 120_000 });
  const wallMs = Date.now() - started;
  const seen = await seenInPage(page);
  const run = await counter.done();
  await context.close();
  return { ms: Math.round(seen[waitFor]), wallMs, ...run };
}

/** After a first search on /search/: opening the filters, until their counts show (their values are fetched then). */
async function openFilters(browser: Browser, url: string, word: string): Promise<SearchRun> {
  const context = await browser.newContext(WITHOUT_WORKER);
  const page = await context.newPage();
  await page.addInitScript(watchInPage);
  const counter = countRequests(page);
  await page.goto(`${url}search/?q=${encodeURIComponent(word)}`);
  await page.locator('.search-page .results .result-link').first().waitFor({ timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  counter.start();
  const started = Date.now();
  const clicked = await page.evaluate(() => performance.now());
  await page.locator('.search-filters summary').click();
  await page
    .locator('.search-filters .filter-option:not([hidden]) .filter-count:not(:empty)')
    .first()
    .waitFor({ timeout: 120_000 });
  const wallMs = Date.now() - started;
  const seen = await seenInPage(page);
  const run = await counter.done();
  await context.close();
  return { ms: Math.round(seen.filterCount - clicked), wallMs, ...run };
}

/** One cold search in the dialog of a section page: from "/" and typing to the first result, or to the suggestion. */
async function dialogSearch(
  browser: Browser,
  url: string,
  sectionPath: string,
  word: string,
  waitFor: Awaited,
  worker: 'block' | 'allow' = 'block',
): Promise<SearchRun> {
  const context = await browser.newContext({ serviceWorkers: worker });
  const page = await context.newPage();
  await page.addInitScript(watchInPage);
  const counter = countRequests(page);
  await page.goto(`${url}${sectionPath.slice(1)}`);
  await page.waitForLoadState('networkidle');
  // With the worker: search once it controls the page, as a reader does a moment after the page has loaded.
  if (worker === 'allow')
    await page
      .waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 })
      .catch(() => undefined); // a build without the worker
  counter.start();
  const started = Date.now();
  await page.keyboard.press('/');
  await page.keyboard.type(word);
  await page.locator(SELECTORS[waitFor]('.search-dialog')).first().waitFor({ timeout: 120_000 });
  const wallMs = Date.now() - started;
  const seen = await seenInPage(page);
  const run = await counter.done();
  await context.close();
  return { ms: Math.round(seen[waitFor] - seen.key), wallMs, ...run };
}

/** The machine's load average over the last minute (other work shares it: timings are inflated by it). */
const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

const root = options.reuse ? resolve(options.reuse) : mkdtempSync(join(tmpdir(), 'reader-scale-'));
console.log(`scratch folder: ${root}`);
const project = scratchProject(root);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

interface Library {
  name: string;
  briefings: number;
  /** Write the library; returns its number of sections. */
  write: (dir: string) => number;
  query: string;
  typo: string;
}
const libraries: Library[] = [
  ...sizes.map((n) => ({
    name: String(n),
    briefings: n,
    write: (dir: string) => writeSyntheticLibrary(dir, n, seed).sections,
    query: QUERY_WORD,
    typo: TYPO_WORD,
  })),
  ...copies.map((n) => ({
    name: `copies-${n}`,
    briefings: n,
    write: (dir: string) => writeCopiesLibrary(dir, join(PROJECT, 'content'), n).sections,
    query: 'influence',
    typo: 'infleunce',
  })),
];

const results = [];
try {
  for (const library of libraries) {
    const content = join(root, `content-${library.name}`);
    const out = join(root, `dist-${library.name}`);
    let built: Built | null = null;
    let sections: number;
    if (options.reuse && existsSync(join(out, 'index.html'))) {
      sections = readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).length;
      console.log(`\n${library.name}: reusing ${out}`);
    } else {
      rmSync(content, { recursive: true, force: true });
      sections = library.write(content);
      console.log(`\n${library.name} (${library.briefings} briefings, ${sections} sections): building…`);
      built = await build(project, content, out);
      console.log(
        `  built in ${(built.ms / 1000).toFixed(1)} s (CPU ${((built.cpuMs ?? 0) / 1000).toFixed(1)} s), peak memory ${(built.peakRss / 2 ** 20).toFixed(0)} MB (${peakParts(built.peakBy)})`,
      );
    }
    const dist = folderSize(out);
    const pagefind = folderSize(join(out, 'pagefind'));
    const largest = largestPage(out);
    const firstSection = readdirSync(out, { recursive: true, encoding: 'utf8' })
      .filter((f) => /^[^/]+\/[^/]+\/index\.html$/.test(f) && !/^(entities|terms|archive|search)\//.test(f))
      .sort()[0];
    const sectionPath = `/${firstSection.replace(/index\.html$/, '')}`;
    console.log(`  largest page ${largest.path} ${largest.brotliBytes} B brotli; searching for "${library.query}"…`);

    const server = await serveDist({ root: out, compress: true, headersFile: true });
    const onPage: SearchRun[] = [];
    const inDialog: SearchRun[] = [];
    const suggestion: SearchRun[] = [];
    const suggestionOnPage: SearchRun[] = [];
    const withWorker: SearchRun[] = [];
    const filters: SearchRun[] = [];
    const load = [loadAverage()];
    try {
      for (let i = 0; i < runs; i++) {
        onPage.push(await searchPage(browser, server.url, library.query, 'result'));
        inDialog.push(await dialogSearch(browser, server.url, sectionPath, library.query, 'result'));
        withWorker.push(await dialogSearch(browser, server.url, sectionPath, library.query, 'result', 'allow'));
        suggestion.push(await dialogSearch(browser, server.url, sectionPath, library.typo, 'suggestion'));
        suggestionOnPage.push(await searchPage(browser, server.url, library.typo, 'suggestion'));
        filters.push(await openFilters(browser, server.url, library.query));
      }
    } finally {
      await server.close();
    }
    load.push(loadAverage());
    const pick = (list: SearchRun[]) => ({
      ms: median(list.map((s) => s.ms)),
      wallMs: median(list.map((s) => s.wallMs)),
      bytes: median(list.map((s) => s.bytes)),
      bodyBytes: median(list.map((s) => s.bodyBytes)),
      pagefindBytes: median(list.map((s) => s.pagefindBytes)),
      pagefindRequests: median(list.map((s) => s.pagefindRequests)),
      vocabularyBytes: median(list.map((s) => s.vocabularyBytes)),
      vocabularyRequests: median(list.map((s) => s.vocabularyRequests)),
      documentBytes: median(list.map((s) => s.documentBytes)),
      all: list,
    });
    results.push({
      library: library.name,
      briefings: library.briefings,
      sections,
      buildMs: built && Math.round(built.ms),
      buildMsPerSection: built && Math.round((built.ms / sections) * 10) / 10,
      buildCpuMs: built?.cpuMs ?? null,
      buildCpuMsPerSection: built?.cpuMs ? Math.round((built.cpuMs / sections) * 10) / 10 : null,
      peakRssBytes: built?.peakRss ?? null,
      peakBytesBy: built?.peakBy ?? null,
      distBytes: dist.bytes,
      distFiles: dist.files,
      pagefindBytes: pagefind.bytes,
      pagefindFiles: pagefind.files,
      largestPage: largest,
      searchPageRawBytes: statSync(join(out, 'search', 'index.html')).size,
      headersBytes: statSync(join(out, '_headers')).size,
      query: library.query,
      typo: library.typo,
      runs,
      loadAverage: load,
      searchPage: pick(onPage),
      dialog: pick(inDialog),
      dialogWithWorker: pick(withWorker),
      suggestion: pick(suggestion),
      suggestionOnPage: pick(suggestionOnPage),
      filtersOpened: pick(filters),
    });
  }
} finally {
  await browser.close();
  if (options.keep || options.reuse) console.log(`\nkept ${root}`);
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
  libraries: results,
};
mkdirSync(join(PROJECT, 'bench-results'), { recursive: true });
const file = `bench-results/bench-scale-${result.date.slice(0, 19).replace(/:/g, '')}.json`;
writeFileSync(join(PROJECT, file), JSON.stringify(result, null, 2));

const kb = (n: number) => (n / 1024).toFixed(1);
const mb = (n: number) => (n / 2 ** 20).toFixed(1);
const rows = [
  [
    'library',
    'sections',
    'build s (CPU s)',
    'ms/section',
    'CPU ms/section',
    'peak memory MB (astro, pagefind, build)',
    'dist MB',
    'pagefind MB',
    'largest page (KB raw / brotli)',
    '_headers KB',
    'dialog: ms, KB (bodies); ms with the worker',
    '/search/: ms, KB (bodies)',
    'suggestion, dialog: ms, KB (vocabulary KB, files)',
    'suggestion, /search/: ms, KB (bodies)',
    'filters opened: ms, KB (bodies)',
    'load average',
  ],
  ...results.map((r) => [
    r.library,
    String(r.sections),
    r.buildMs === null ? '–' : `${(r.buildMs / 1000).toFixed(1)} (${((r.buildCpuMs ?? 0) / 1000).toFixed(1)})`,
    r.buildMsPerSection === null ? '–' : String(r.buildMsPerSection),
    r.buildCpuMsPerSection === null ? '–' : String(r.buildCpuMsPerSection),
    r.peakRssBytes === null ? '–' : `${mb(r.peakRssBytes)} (${peakParts(r.peakBytesBy!)})`,
    mb(r.distBytes),
    mb(r.pagefindBytes),
    `${r.largestPage.path} ${kb(r.largestPage.rawBytes)} / ${kb(r.largestPage.brotliBytes)}`,
    kb(r.headersBytes),
    `${r.dialog.ms}, ${kb(r.dialog.bytes)} (${kb(r.dialog.bodyBytes)}); ${r.dialogWithWorker.ms}`,
    `${r.searchPage.ms}, ${kb(r.searchPage.bytes)} (${kb(r.searchPage.bodyBytes)})`,
    `${r.suggestion.ms}, ${kb(r.suggestion.bytes)} (${kb(r.suggestion.vocabularyBytes)}, ${r.suggestion.vocabularyRequests})`,
    `${r.suggestionOnPage.ms}, ${kb(r.suggestionOnPage.bytes)} (${kb(r.suggestionOnPage.bodyBytes)})`,
    `${r.filtersOpened.ms}, ${kb(r.filtersOpened.bytes)} (${kb(r.filtersOpened.bodyBytes)})`,
    r.loadAverage.join('–'),
  ]),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
console.log(
  `\ncold, median of ${runs}; ms measured in the page; bytes over the wire (gzip: plain HTTP), headers included;` +
    ' load average (1 min) before and after the searches',
);
for (const row of rows) console.log(row.map((cell, i) => cell.padStart(widths[i])).join('  '));
console.log(`\nwritten to ${relative(PROJECT, join(PROJECT, file))}`);
