// `npm run build:compare`: builds the current checkout twice into temporary folders and compares every file
// byte for byte. Prints the files that differ and exits non-zero if any do. (tests/build/reliable-builds.test.ts
// compares one rebuild against the tests' build on every `npm test`.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { differingFiles } from './tree-diff.ts';

const root = mkdtempSync(join(tmpdir(), 'reader-compare-'));
try {
  const [a, b] = ['a', 'b'].map((name) => {
    const out = join(root, name);
    execFileSync(process.execPath, ['scripts/build.ts', '--silent'], {
      stdio: 'inherit',
      env: { ...process.env, READER_OUT_DIR: out },
    });
    return out;
  });
  const differences = differingFiles(a, b);
  for (const line of differences) console.log(line);
  console.log(differences.length ? `${differences.length} files differ` : 'the two builds are identical');
  process.exitCode = differences.length ? 1 : 0;
} finally {
  rmSync(root, { recursive: true, force: true });
}
