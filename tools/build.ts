// `npm run build` (and `npm start`): checks the content, builds the site into a fresh folder, and puts it in
// place of the output folder only when the whole build (pages, Pagefind index, headers) has succeeded.
// - Astro renders the pages; the steps that finish the site (Pagefind's index, the security headers, the offline
//   lists: tools/finish-site.ts) run here once Astro has exited, not in its hooks, so that Pagefind's
//   binary never runs beside Astro's process and the memory that process still holds.
// - The content check runs first, before Astro starts: a broken file is reported in one plain block (file, line,
//   field, what to write) and nothing is built. Astro's own check (src/content/check-integration.ts) is told it
//   need not run again. It runs in a process of its own (tools/check-content.ts), so that the memory it takes is
//   given back before Astro starts.
// - Astro builds into `.cache/build-PID/` inside the checkout. Astro moves files from a folder under the
//   working directory into its output folder with renames, which fail across filesystems; building inside
//   the checkout also keeps two builds running at once from sharing that folder.
// - The social cards are drawn by a process of their own (tools/cards.ts) while Astro renders the pages, which on
//   a machine of two cores or more puts the build's largest single job beside Astro's instead of inside it.
// - Astro runs with memory settings measured on a library of 1,000 briefings (ASTRO_NODE_FLAGS, ASTRO_ENV below).
// - The swap and the clean-up of folders left by interrupted builds are in tools/publish.ts.
// A failed build exits non-zero and leaves the previous output folder as it was.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { basePath, contentDir, outDir } from '../src/site/config.ts';
import { formatProblems } from '../src/content/problems.ts';
import { CARDS_BESIDE_ASTRO, CHECKED_ENV, FINISH_AFTER_ASTRO, SECTION_FACTS } from '../src/site/build-env.ts';
import { libraryCards } from '../src/site/cards.ts';
import { BUNDLED } from '../src/site/build-signals.ts';
import type { CardsRequest } from './cards.ts';
import type { CheckRequest, ContentCheck } from './check-content.ts';
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
const silent = process.argv.includes('--silent');
const children: ChildProcess[] = [];

function fail(message: string, code = 1): never {
  for (const child of children) child.kill();
  for (const path of [stage, cardsDir, factsFile]) rmSync(path, { recursive: true, force: true });
  console.error(`${message}\n\nbuild failed: ${shown}/ left as it was`);
  process.exit(code);
}

for (const line of cleanLeftovers(target, scratch)) console.log(line);

mkdirSync(scratch, { recursive: true });
const content = resolve(root, contentDir());
const check = await new Promise<ContentCheck>((done, failed) => {
  const checker = fork(join(root, 'tools/check-content.ts'), [], { cwd: root });
  children.push(checker);
  checker.once('message', (result: ContentCheck) => done(result));
  checker.once('error', failed);
  checker.once('exit', (code) => failed(new Error(`the content check stopped (exit ${code}) without a result`)));
  checker.send({ contentDir: content, displayRoot: root, factsFile } satisfies CheckRequest);
}).catch((error: Error) => fail(`the content check failed: ${error.stack ?? error.message}`));
if (check.warnings.length) console.warn(formatProblems(check.warnings, 'warning'));
if (check.problems.length) fail(formatProblems(check.problems));
if (!silent) console.log(`content ok: ${check.briefings} briefing(s), ${check.sections} section(s)`);

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

/** Starts the card drawer; what it answers is awaited once Astro is done. */
function drawCards(): Promise<number> {
  const cards = fork(join(root, 'tools/cards.ts'), [], { cwd: root, env: { ...CARDS_ENV, ...process.env } });
  children.push(cards);
  const drawn = new Promise<number>((done, failed) => {
    cards.once('message', (answer: { drawn: number }) => done(answer.drawn));
    cards.once('error', failed);
    cards.once('exit', (code) => failed(new Error(`the card drawer stopped (exit ${code}) before it was done`)));
  });
  // A card that cannot be drawn stops the build at once, Astro with it.
  drawn.catch((error: Error) => fail(`the social cards could not be drawn: ${error.stack ?? error.message}`));
  cards.send({ cards: libraryCards(check.cards), outDir: cardsDir } satisfies CardsRequest);
  return drawn;
}
let drawn: Promise<number> | undefined;
const astro = spawn(
  process.execPath,
  [...ASTRO_NODE_FLAGS, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)],
  {
    cwd: root,
    // Astro's process says when it has bundled the pages (src/site/build-signals.ts): the cards are drawn from then.
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: {
      ...ASTRO_ENV,
      ...process.env,
      READER_OUT_DIR: stage,
      [CHECKED_ENV]: '1',
      [FINISH_AFTER_ASTRO]: '1',
      [CARDS_BESIDE_ASTRO]: '1',
      [SECTION_FACTS]: factsFile,
    },
  },
);
children.push(astro);
astro.on('message', (message) => {
  if (message === BUNDLED) drawn ??= drawCards();
});
// Ctrl-C or a kill: stop Astro, remove the half-built folder, keep the output folder.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    fail(`build stopped by ${signal}`, 130);
  });
}
const status = await new Promise<number>((done) => astro.on('close', (code) => done(code ?? 1)));
if (status !== 0) fail(`astro build exited with status ${status}`, status);
rmSync(factsFile, { force: true });
await (drawn ??= drawCards());
try {
  moveInto(cardsDir, stage);
} catch (error) {
  fail(`the social cards could not be put beside the pages: ${(error as Error).message}`);
}
// Loaded only now: the finishing steps' code (Pagefind's, the offline lists') need not be held while Astro runs.
const { finishSite } = await import('./finish-site.ts');
const { PagefindError } = await import('../src/search/pagefind.ts');
try {
  await finishSite(stage, root, basePath(), (line) => silent || console.log(line));
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
