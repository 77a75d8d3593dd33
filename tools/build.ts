// `npm run build` (and `npm start`): checks the content, builds the site into a fresh folder, and puts it in
// place of the output folder only when the whole build (pages, Pagefind index, headers) has succeeded.
// - Astro renders the pages; the steps that finish the site (Pagefind's index, the security headers, the offline
//   lists: tools/finish-site.ts) run here once Astro has exited, not in its hooks, so that Pagefind's
//   binary never runs beside Astro's process and the memory that process still holds.
// - The content check (tools/check-content.ts) runs while Astro starts and bundles the pages, in a process of its
//   own, so that the memory it takes is given back when it ends. What Astro prints is held until the check has
//   passed: a broken file is reported in one plain block (file, line, field, what to write), whatever Astro made of
//   it, and nothing is built. Astro's own check (src/content/check-integration.ts) is told it need not run again.
// - The pages' citations are formatted by citeproc in a process of their own (tools/citations.ts) once the check has
//   passed, while Astro bundles; Astro waits, when it has bundled and before it renders a page, until they and the
//   check's facts are written (src/site/build-signals.ts).
// - Astro builds into `.cache/build-PID/` inside the checkout. Astro moves files from a folder under the
//   working directory into its output folder with renames, which fail across filesystems; building inside
//   the checkout also keeps two builds running at once from sharing that folder.
// - The social cards are drawn by a process of their own (tools/cards.ts) beside Astro, which on a machine of two
//   cores or more puts the build's largest single job beside Astro's instead of inside it. In a small library it
//   starts as soon as the check has passed, on the core Astro's bundling leaves half idle, at the lowest priority,
//   so that it takes only the CPU Astro leaves; in a large one only once Astro has bundled the pages
//   (CARDS_WHILE_BUNDLING_SECTIONS). Once Astro has exited, a second drawer shares the cards that are left (one
//   drawer kept one and a half cores busy).
// - Astro runs with memory settings measured on a library of 1,000 briefings (ASTRO_NODE_FLAGS, ASTRO_ENV below).
// - The swap and the clean-up of folders left by interrupted builds are in tools/publish.ts.
// A failed build exits non-zero and leaves the previous output folder as it was.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { basePath, contentDir, outDir, siteOrigin } from '../src/site/config.ts';
import { formatProblems } from '../src/content/problems.ts';
import {
  CARDS_BESIDE_ASTRO,
  CARDS_LOW_PRIORITY,
  CHECKED_ENV,
  CHECKED_YAML,
  CITATIONS,
  FINISH_AFTER_ASTRO,
  SECTION_FACTS,
} from '../src/site/build-env.ts';
import { libraryCitedWorks } from '../src/library/cited-works.ts';
import { createPaths } from '../src/site/urls.ts';
import { libraryCards } from '../src/site/cards.ts';
import { BUNDLED, RENDER, YAML_READY, YAML_WANTED } from '../src/site/build-signals.ts';
import type { CardsBatch, DrawerMessage } from './cards.ts';
import type { Card } from '../src/site/cards.ts';
import type { CheckRequest, CheckWord, ContentCheck } from './check-content.ts';
import type { CitationsRequest } from './citations.ts';
import { cleanLeftovers, publish } from './publish.ts';

// Node 24 calls stripTypeScriptTypes (which the offline step uses for the service worker) experimental and would
// say so on every build, as it never does inside Astro's process; every other warning is printed as Node prints it.
const [printWarning] = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (!(warning.name === 'ExperimentalWarning' && warning.message.includes('stripTypeScriptTypes')))
    printWarning?.(warning);
});

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(outDir());
const shown = basename(target);
const scratch = join(root, '.cache');
const stage = join(scratch, `build-${process.pid}`);
const cardsDir = `${stage}-cards`;
const factsFile = `${stage}-facts.json`;
const yamlFile = `${stage}-yaml.json`;
const citationsFile = `${stage}-citations.json`;
const citesDir = `${stage}-cites`;
const silent = process.argv.includes('--silent');
const children: ChildProcess[] = [];

function fail(message: string, code = 1): never {
  for (const child of children) child.kill();
  for (const path of [stage, cardsDir, citesDir, factsFile, yamlFile, citationsFile])
    rmSync(path, { recursive: true, force: true });
  console.error(`${message}\n\nbuild failed: ${shown}/ left as it was`);
  process.exit(code);
}

// The site's address, which the citations need before Astro reads it: a wrong one stops the build here, and it is
// read from READER_SITE and READER_BASE only (Astro's own flags would give the pages another one).
const astroFlag = process.argv.slice(2).find((arg) => /^--(site|base)(=|$)/.test(arg));
if (astroFlag) fail(`${astroFlag.split('=')[0]} is not read by npm run build: set READER_SITE and READER_BASE instead`);
let site = '';
try {
  site = siteOrigin();
} catch (error) {
  fail((error as Error).message);
}

for (const line of cleanLeftovers(target, scratch)) console.log(line);

mkdirSync(scratch, { recursive: true });
const content = resolve(root, contentDir());

/** What went wrong in a helper, in one line (its own output, above, says more); the stack trace with DEBUG set. */
const reason = (error: unknown) =>
  process.env.DEBUG ? String((error as Error).stack ?? error) : ((error as Error).message ?? String(error));

/** Forks one of the build's helpers (tools/*.ts). */
function helper(script: string, env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = fork(join(root, script), [], { cwd: root, env: { ...env, ...process.env } });
  children.push(child);
  return child;
}

/** How a helper that ended says so: 'close' comes only once its last message has been read, where 'exit' may not. */
const stopped = (child: ChildProcess, what: string, before: string) =>
  new Promise<never>((_, failed) =>
    child.once('close', (code, signal) =>
      failed(new Error(`${what} stopped (${signal ? `killed by ${signal}` : `exit ${code}`}) before ${before}`)),
    ),
  );

/**
 * Forks one of the build's helpers, sends it `request`, and resolves with its one answer (an object); a word it says
 * before (a string) goes to `heard`.
 */
function ask<T>(what: string, script: string, request: object, heard?: (word: string) => void): Promise<T> {
  const child = helper(script);
  const answer = new Promise<T>((done, failed) => {
    child.on('message', (message: T | string) => (typeof message === 'string' ? heard?.(message) : done(message)));
    child.once('error', failed);
    stopped(child, what, 'it answered').catch(failed);
  });
  child.send(request);
  return answer;
}

const yamlReady = Promise.withResolvers<void>();
const checked = ask<ContentCheck>(
  'the content check',
  'tools/check-content.ts',
  { contentDir: content, displayRoot: root, factsFile, yamlFile } satisfies CheckRequest,
  (word) => word === ('yaml-written' satisfies CheckWord) && yamlReady.resolve(),
).catch((error: Error) => fail(`the content check failed: ${reason(error)}`));

/**
 * How Node runs Astro (measured at 1,000 briefings, 5,000 sections): --heap-growing-percent=50 lets the heap grow
 * by half of what survived V8's last full collection before it collects again, where by default it may grow to
 * four times that. Bundling the sections leaves some 100–350 MB of lasting objects and made 1.5 GB of garbage,
 * which the default let pile up before one collection. A factor, not a ceiling (--max-old-space-size): a larger
 * library makes the heap larger, never an out-of-memory crash.
 */
const ASTRO_NODE_FLAGS = ['--heap-growing-percent=50'];
/**
 * The bundler (Rolldown) allocates with mimalloc, which by default keeps freed memory for a while for reuse, and a
 * thread that has gone quiet keeps it for good: with no delay it goes back to the system at once.
 */
const ASTRO_ENV = { MIMALLOC_PURGE_DELAY: '0' };
/**
 * sharp (the card's PNG) allocates with glibc's malloc on several threads, each of which would get its own
 * arenas: two arenas in all hold less memory that nothing uses (sharp's documentation advises it).
 */
const CARDS_ENV = { MALLOC_ARENA_MAX: '2' };
/**
 * The largest library (in sections) whose cards are drawn while Astro bundles. Bundling is when Astro holds the most
 * memory, and the card drawer holds some 300 MB however many cards it draws: at 1,000 briefings (5,000 sections)
 * Astro's 1.9 GB and the drawer's would pass 2 GB; at 500 sections Astro bundles in under 0.8 GB.
 */
const CARDS_WHILE_BUNDLING_SECTIONS = 2_000;

/** Moves every file under `from` to the same place under `to`, and removes `from`. */
function moveInto(from: string, to: string) {
  for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const into = join(to, path.slice(from.length));
    mkdirSync(dirname(into), { recursive: true });
    renameSync(path, into);
  }
  rmSync(from, { recursive: true, force: true });
}

/** Cards a drawer is handed at a time: some 0.4 s of its work, so that two drawers end within that of each other. */
const CARDS_A_BATCH = 25;

/**
 * Starts a card drawer on the cards left in `queue`, drawing them into `cardsDir`, and resolves once the queue is
 * done and the drawer has drawn its last. A card that cannot be drawn stops the build at once, Astro with it.
 */
async function drawFrom(queue: Card[], besideBundling = false): Promise<void> {
  const child = helper('tools/cards.ts', { ...CARDS_ENV, ...(besideBundling ? { [CARDS_LOW_PRIORITY]: '1' } : {}) });
  try {
    await new Promise<void>((done, failed) => {
      child.on('message', (message: DrawerMessage) => {
        if (message === 'more')
          child.send({ cards: queue.splice(0, CARDS_A_BATCH), outDir: cardsDir } satisfies CardsBatch);
        else if (message === 'drawn') done();
      });
      child.once('error', failed);
      stopped(child, 'it', 'it had drawn its cards').catch(failed);
    });
  } catch (error) {
    fail(`the social cards could not be drawn: ${reason(error)}`);
  }
}

/** Formats every citation the pages show into `citationsFile`, and writes the pages' downloads into `citesDir`. */
async function makeCitations(check: ContentCheck): Promise<void> {
  try {
    const works = libraryCitedWorks(check.cards, site, createPaths(basePath()));
    const request: CitationsRequest = { works, file: citationsFile, outDir: citesDir };
    await ask('the citation formatter', 'tools/citations.ts', request);
  } catch (error) {
    fail(`the citations could not be made: ${reason(error)}`);
  }
}

// Astro starts while the content is checked; what it prints is held until the check has passed.
const astro = spawn(
  process.execPath,
  [...ASTRO_NODE_FLAGS, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: ['inherit', 'pipe', 'pipe', 'ipc'],
    env: {
      ...ASTRO_ENV,
      ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}),
      ...process.env,
      READER_OUT_DIR: stage,
      [CHECKED_ENV]: '1',
      [FINISH_AFTER_ASTRO]: '1',
      [CARDS_BESIDE_ASTRO]: '1',
      [SECTION_FACTS]: factsFile,
      [CHECKED_YAML]: yamlFile,
      [CITATIONS]: citationsFile,
    },
  },
);
children.push(astro);
astro.on('error', (error) => fail(`Astro could not be started or told to render: ${error.message}`));
const held: [NodeJS.WriteStream, Buffer][] = [];
let holding = true;
for (const [from, to] of [
  [astro.stdout!, process.stdout],
  [astro.stderr!, process.stderr],
] as const) {
  from.on('data', (chunk: Buffer) => (holding ? held.push([to, chunk]) : to.write(chunk)));
}
const bundled = new Promise<void>((done) => astro.on('message', (message) => message === BUNDLED && done()));
// Astro asks for the YAML the check read when it first reads its data collections; the answer waits until the check
// has written it, which it does first of all (if the YAML is broken it never does, and the check's problems stop
// the build, Astro with it).
astro.on('message', (message) => {
  if (message !== YAML_WANTED) return;
  void yamlReady.promise.then(() => {
    if (astro.connected)
      astro.send(YAML_READY, (error) => error && fail(`Astro could not be given the checked YAML: ${error.message}`));
  });
});
const closed = new Promise<number>((done) => astro.on('close', (code) => done(code ?? 1)));

// Ctrl-C or a kill: stop Astro, remove the half-built folder, keep the output folder.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    fail(`build stopped by ${signal}`, 130);
  });
}
const check = await checked;
if (check.warnings.length) console.warn(formatProblems(check.warnings, 'warning'));
if (check.problems.length) fail(formatProblems(check.problems));
if (!silent) console.log(`content ok: ${check.briefings} briefing(s), ${check.sections} section(s)`);
for (const [to, chunk] of held.splice(0)) to.write(chunk);
holding = false;

const cited = makeCitations(check);
const cards = libraryCards(check.cards);
const drawers: Promise<void>[] = [];
if (check.sections <= CARDS_WHILE_BUNDLING_SECTIONS) drawers.push(drawFrom(cards, true));
let saidBundled = false;
void bundled.then(async () => {
  saidBundled = true;
  if (!drawers.length) drawers.push(drawFrom(cards));
  await cited;
  if (astro.connected)
    astro.send(RENDER, (error) => error && fail(`Astro could not be told to render: ${error.message}`));
});
const status = await closed;
if (status !== 0) fail(`astro build exited with status ${status}`, status);
// Pages rendered without waiting for RENDER may have read the facts or the citations before they were written.
if (!saidBundled) fail('Astro rendered the pages without saying it had bundled them (src/site/build-signals.ts)');
// Astro's core is free: a second drawer shares the cards that are left, unless the first is nearly done (a drawer
// takes half a second to start).
if (cards.length > 4 * CARDS_A_BATCH) drawers.push(drawFrom(cards));
for (const file of [factsFile, yamlFile, citationsFile]) rmSync(file, { force: true });
try {
  moveInto(citesDir, stage);
} catch (error) {
  fail(`the citation downloads could not be put beside the pages: ${(error as Error).message}`);
}
// The cards are moved in once drawn; Pagefind and the headers, which read only the pages, need not wait for them.
const allFiles = Promise.all(drawers).then(() => {
  try {
    moveInto(cardsDir, stage);
  } catch (error) {
    fail(`the social cards could not be put beside the pages: ${(error as Error).message}`);
  }
});
// Loaded only now: the finishing steps' code (Pagefind's, the offline lists') need not be held while Astro runs.
const { finishSite } = await import('./finish-site.ts');
const { PagefindError } = await import('../src/search/pagefind.ts');
try {
  await finishSite(stage, root, basePath(), (line) => silent || console.log(line), allFiles);
} catch (error) {
  // A Pagefind failure is one plain message, as the integration prints it in a plain `astro build`.
  fail(
    error instanceof PagefindError && !process.env.DEBUG
      ? `\nThe search index could not be built.\n${error.message}`
      : `the site could not be finished: ${(error as Error).stack ?? error}`,
  );
}
for (const required of ['index.html', 'pagefind/pagefind-entry.json', '_headers']) {
  if (!existsSync(join(stage, required))) fail(`the build wrote no ${required}`);
}
try {
  publish(stage, target);
} catch (error) {
  fail(`could not put the new site in place of ${shown}/: ${(error as Error).message}`);
}
if (!silent) console.log(`site written to ${shown}/`);
