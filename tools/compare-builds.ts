// `npm run build:compare`: builds the current checkout twice, into two folders on two filesystems (tmpfs under
// /dev/shm, whose directory order differs from a disk's, and the checkout's own .cache/), and compares every file
// byte for byte. Prints the files that differ and exits non-zero if any do. (tests/build/reliable-builds.test.ts
// compares a rebuild on tmpfs against the tests' build on every `npm test`.)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { differingFiles } from './tree-diff.ts';

mkdirSync('.cache', { recursive: true });
const folders = [
  mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'reader-compare-')),
  mkdtempSync(join('.cache', 'reader-compare-')),
];
try {
  const [a, b] = folders.map((folder) => {
    const out = join(folder, 'dist');
    execFileSync(process.execPath, ['tools/build.ts', '--silent'], {
      stdio: 'inherit',
      env: { ...process.env, READER_OUT_DIR: out },
    });
    return out;
  });
  const differences = differingFiles(a, b);
  for (const line of differences) console.log(line);
  console.log(
    differences.length
      ? `${differences.length} files differ between ${a} and ${b}`
      : `the two builds are identical: ${a} and ${b}`,
  );
  process.exitCode = differences.length ? 1 : 0;
} finally {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}
