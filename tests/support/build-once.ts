// Builds the site once before the build and browser tests read dist/, as `npm run build` does (tools/build.ts).
// Set READER_SKIP_BUILD=1 to reuse an existing build while iterating on tests; READER_OUT_DIR to build elsewhere.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Set once this run has built the site: the projects that need it share one build. */
const BUILT = 'READER_BUILT_THIS_RUN';

export default function buildOnce() {
  const outDir = process.env.READER_OUT_DIR || 'dist';
  if (process.env[BUILT] === outDir) return;
  if (process.env.READER_SKIP_BUILD && existsSync(`${outDir}/index.html`)) return;
  const started = Date.now();
  execFileSync(process.execPath, ['tools/build.ts', '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, READER_BASE: '', READER_CONTENT_DIR: '', READER_OUT_DIR: outDir },
  });
  console.log(`built ${outDir}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.env[BUILT] = outDir;
}
