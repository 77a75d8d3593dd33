// `npm run build` (and `npm start`): checks the content, builds the site into a fresh folder, and puts it in
// place of the output folder only when the whole build (pages, Pagefind index, headers) has succeeded.
// - The content check runs first, here, before Astro starts: a broken file is reported in one plain block
//   (file, line, field, what to write) and nothing is built. Astro's own check (src/integrations/content-check.ts)
//   is told it need not run again. It runs in a worker thread (scripts/check-content.ts), so that the memory it
//   takes is given back before Astro starts.
// - Astro builds into `.cache/build-PID/` inside the checkout. Astro moves files from a folder under the
//   working directory into its output folder with renames, which fail across filesystems; building inside
//   the checkout also keeps two builds running at once from sharing that folder.
// - The swap and the clean-up of folders left by interrupted builds are in scripts/publish.ts.
// A failed build exits non-zero and leaves the previous output folder as it was.
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir, outDir } from '../src/site-config.ts';
import { formatProblems } from '../src/lib/validate-library.ts';
import { CHECKED_ENV } from '../src/integrations/content-check.ts';
import type { ContentCheck } from './check-content.ts';
import { cleanLeftovers, publish } from './publish.ts';

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
  const worker = new Worker(join(root, 'scripts/check-content.ts'), {
    workerData: { contentDir: content, displayRoot: root },
  });
  worker.once('message', done);
  worker.once('error', failed);
  worker.once('exit', (code) => failed(new Error(`the content check stopped (exit ${code}) without a result`)));
}).catch((error: Error) => fail(`the content check failed: ${error.stack ?? error.message}`));
if (check.warnings.length) console.warn(formatProblems(check.warnings, 'warning'));
if (check.problems.length) fail(formatProblems(check.problems));
if (!silent) console.log(`content ok: ${check.briefings} briefing(s), ${check.sections} section(s)`);

mkdirSync(scratch, { recursive: true });
const astro = spawn(
  process.execPath,
  [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, READER_OUT_DIR: stage, [CHECKED_ENV]: '1' },
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
for (const required of ['index.html', 'pagefind/pagefind-entry.json', '_headers']) {
  if (!existsSync(join(stage, required))) fail(`the build wrote no ${required}`);
}
try {
  publish(stage, target);
} catch (error) {
  fail(`could not put the new site in place of ${shown}/: ${(error as Error).message}`);
}
if (!silent) console.log(`site written to ${shown}/`);
