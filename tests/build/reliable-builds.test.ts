// Reliable builds: the same commit builds to the same bytes, and a failed build never leaves a half-written site.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { differingFiles } from '../../tools/tree-diff';
import { DIST } from '../support/dist';

function build(env: Record<string, string>) {
  return spawnSync(process.execPath, ['tools/build.ts', '--silent'], {
    encoding: 'utf8',
    // The same settings as tests/support/build-once.ts.
    env: { ...process.env, READER_BASE: '', READER_CONTENT_DIR: '', ...env },
    timeout: 120_000,
  });
}

// The tests' build is in the checkout (dist/, on its disk); this one goes to tmpfs, a filesystem whose directory
// order differs (where there is none, to the system's temporary folder).
it('builds the same commit to the same bytes in another folder on another filesystem (the Pagefind index included)', () => {
  const root = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'reader-rebuild-'));
  try {
    const out = join(root, 'dist');
    expect(build({ READER_OUT_DIR: out }).status).toBe(0);
    expect(differingFiles(DIST, out)).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}, 120_000);

it('leaves the previous site untouched, and no half-written folder, when a build fails', () => {
  const root = mkdtempSync(join(tmpdir(), 'reader-failed-'));
  try {
    const out = join(root, 'site');
    cpSync(DIST, out, { recursive: true });
    const content = join(root, 'content');
    cpSync('tests/fixtures/library', content, { recursive: true });
    const file = join(content, 'tiny-briefing', '01-first.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: First\n/m, ''));
    const result = build({ READER_OUT_DIR: out, READER_CONTENT_DIR: content });
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('tiny-briefing/01-first.mdx: field "title": is missing');
    expect(output).toContain('build failed: site/ left as it was');
    // One plain block: no Astro hook wrapper, no stack trace.
    expect(output).not.toMatch(/An unhandled error occurred|^\s+at /m);
    expect(differingFiles(DIST, out)).toEqual([]);
    expect(readdirSync(root).sort()).toEqual(['content', 'site']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}, 120_000);
