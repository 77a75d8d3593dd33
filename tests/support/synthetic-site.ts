// Builds a synthetic library (tools/scale-library.ts, the generator `npm run bench:scale` uses) into a folder of
// its own, from a scratch copy of the project, for the tests that need more briefings than the real content has.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeSyntheticLibrary } from '../../tools/scale-library';

/** A scratch folder for a synthetic site; the site is built into `<root>/dist`. */
export function syntheticSiteFolder(name: string): { root: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), `reader-${name}-`));
  return { root, out: join(root, 'dist') };
}

/** Writes `briefings` briefings (from `seed`, `sections` each if given) into `root` and builds them as `npm run build` does. */
export function buildSyntheticSite(root: string, briefings: number, seed: number, sections?: number): void {
  const project = join(root, 'project');
  mkdirSync(project);
  const here = resolve(import.meta.dirname, '../..');
  for (const entry of ['src', 'public', 'tools', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    cpSync(join(here, entry), join(project, entry), { recursive: true });
  symlinkSync(join(here, 'node_modules'), join(project, 'node_modules'), 'dir');
  writeSyntheticLibrary(join(root, 'content'), briefings, seed, sections);
  const build = spawnSync(process.execPath, ['tools/build.ts', '--silent'], {
    cwd: project,
    env: {
      ...process.env,
      READER_CONTENT_DIR: join(root, 'content'),
      READER_OUT_DIR: join(root, 'dist'),
      READER_BASE: '',
    },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the synthetic library did not build:\n${build.stderr.slice(-3000)}`);
}
