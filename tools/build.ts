// `npm run build` (and `npm start`): checks the content, builds the site into a fresh folder, and puts it in
// place of the output folder only when the whole build (pages, Pagefind index, headers) has succeeded.
// - Astro renders the pages; the steps that finish the site (Pagefind's index, the security headers, the offline
//   lists: tools/finish-site.ts) run here once Astro has exited, not in its hooks, so that Pagefind's
//   binary never runs beside Astro's process and the memory that process still holds.
// - The content check runs first, here, before Astro starts: a broken file is reported in one plain block
//   (file, line, field, what to write) and nothing is built. Astro's own check (src/content/check-integration.ts)
//   is told it need not run again. It runs in a worker thread (tools/check-content.ts), so that the memory it
//   takes is given back before Astro starts.
// - Astro builds into `.cache/build-PID/` inside the checkout. Astro moves files from a folder under the
//   working directory into its output folder with renames, which fail across filesystems; building inside
//   the checkout also keeps two builds running at once from sharing that folder.
// - Astro runs with memory settings measured on a library of 1,000 briefings (ASTRO_NODE_FLAGS, ASTRO_ENV below).
// - The swap and the clean-up of folders left by interrupted builds are in tools/publish.ts.
// A failed build exits non-zero and leaves the previous output folder as it was.
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { basePath, contentDir, outDir } from '../src/site/config.ts';
import { formatProblems } from '../src/content/check.ts';
import { CHECKED_ENV } from '../src/content/check-integration.ts';
import { FINISH_AFTER_ASTRO } from '../src/site/finish-env.ts';
import { finishSite } from './finish-site.ts';
import { PagefindError } from '../src/search/pagefind.ts';
import type { ContentCheck } from './check-content.ts';
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
const silent = process.argv.includes('--silent');

function fail(message: string, code = 1): never {
  rmSync(stage, { recursive: true, force: true });
  console.error(`${message}\n\nbuild failed: ${shown}/ left as it was`);
  process.exit(code);
}

for (const line of cleanLeftovers(target, scratch)) console.log(line);

const content = resolve(root, contentDir());
const check = await new Promise<ContentCheck>((done, failed) => {
  const worker = new Worker(join(root, 'tools/check-content.ts'), {
    workerData: { contentDir: content, displayRoot: root },
  });
  worker.once('message', done);
  worker.once('error', failed);
  worker.once('exit', (code) => failed(new Error(`the content check stopped (exit ${code}) without a result`)));
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
 * The bundler (Rolldown) and the card renderer (resvg) allocate with mimalloc, which by default keeps freed
 * memory for a while for reuse, and a thread that has gone quiet keeps it for good: with no delay it goes back
 * to the system at once (a sixth of Astro's peak at 100 briefings).
 */
const ASTRO_ENV = {
  MIMALLOC_PURGE_DELAY: '0',
  // sharp (the card's PNG) allocates with glibc's malloc on several threads, each of which would get its own
  // arenas: two arenas in all hold less memory that nothing uses (sharp's documentation advises it).
  MALLOC_ARENA_MAX: '2',
};

mkdirSync(scratch, { recursive: true });
const astro = spawn(
  process.execPath,
  [...ASTRO_NODE_FLAGS, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...ASTRO_ENV, ...process.env, READER_OUT_DIR: stage, [CHECKED_ENV]: '1', [FINISH_AFTER_ASTRO]: '1' },
  },
);
// Ctrl-C or a kill: stop Astro, remove the half-built folder, keep the output folder.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    astro.kill(signal);
    fail(`build stopped by ${signal}`, 130);
  });
}
const status = await new Promise<number>((done) => astro.on('close', (code) => done(code ?? 1)));
if (status !== 0) fail(`astro build exited with status ${status}`, status);
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
