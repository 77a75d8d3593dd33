// Builds the site once before the build and browser tests read dist/.
// Set READER_SKIP_BUILD=1 to reuse an existing dist/ while iterating on tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function buildOnce() {
  if (process.env.READER_SKIP_BUILD && existsSync('dist/index.html')) return;
  const started = Date.now();
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, READER_BASE: '', READER_CONTENT_DIR: '', READER_OUT_DIR: '' },
  });
  console.log(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
