// READER_SITE as `npm run build` meets it: a wrong value stops the build, before anything is written, with a
// message that names the variable and shows a right one (the parsing itself: tests/unit/config.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it.each([
  ['example.org', 'READER_SITE=example.org is not an absolute URL'],
  ['https://example.org/docs', 'set the origin in READER_SITE and the path in READER_BASE'],
])('stops the build on READER_SITE=%s, saying why', (value, message) => {
  const root = mkdtempSync(join(tmpdir(), 'reader-site-'));
  try {
    const out = join(root, 'dist');
    const result = spawnSync(process.execPath, ['tools/build.ts'], {
      encoding: 'utf8',
      env: { ...process.env, READER_SITE: value, READER_OUT_DIR: out },
      timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain(message);
    expect(result.stdout + result.stderr).toContain('e.g. READER_SITE=https://example.org');
    // One plain message, not a stack trace.
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
