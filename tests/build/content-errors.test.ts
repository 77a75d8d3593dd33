// A broken content file fails the real build, naming the file and the field, and writes no site.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('fails `astro build` on a section without a title', () => {
  const root = mkdtempSync(join(tmpdir(), 'reader-broken-'));
  try {
    const content = join(root, 'content');
    cpSync('tests/fixtures/library', content, { recursive: true });
    const file = join(content, 'tiny-briefing', '01-first.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: First\n/m, ''));
    const out = join(root, 'dist');
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      encoding: 'utf8',
      env: { ...process.env, READER_CONTENT_DIR: content, READER_OUT_DIR: out, DEBUG: '' },
      timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('tiny-briefing/01-first.mdx: field "title": is missing: add `title:` with text');
    // `astro build` too prints the plain block alone: not Astro's hook wrapper, not a stack trace.
    expect(output).not.toMatch(/An unhandled error occurred|^\s+at /m);
    expect(existsSync(out)).toBe(false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
