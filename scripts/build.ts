// `npm run build`: builds the site into a fresh folder beside the output folder and moves it into place only when
// the whole build (pages, Pagefind index, headers) has succeeded. A failed build leaves the previous dist/ as it
// was and no half-written folder that a deploy could pick up. Exits with the build's status.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { outDir } from '../src/site-config.ts';

const target = resolve(outDir());
const staging = join(dirname(target), `.${basename(target)}.building-${process.pid}`);
const previous = join(dirname(target), `.${basename(target)}.previous-${process.pid}`);

const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, READER_OUT_DIR: staging },
});
if (result.status !== 0 || !existsSync(join(staging, 'index.html'))) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`build failed: ${basename(target)}/ left as it was`);
  process.exit(result.status || 1);
}
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
