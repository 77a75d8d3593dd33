// Putting a build in place: the output folder is always one whole site, a failure between the two renames
// is rolled back, and what interrupted builds leave behind is cleaned up (or put back) by the next build.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { cleanLeftovers, previousName, publish, stagingName } from '../../tools/publish';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function scratch(under = tmpdir()): string {
  mkdirSync(under, { recursive: true });
  const dir = mkdtempSync(join(under, 'reader-publish-'));
  dirs.push(dir);
  return dir;
}

function site(path: string, text: string): string {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'index.html'), text);
  return path;
}

const page = (dir: string) => readFileSync(join(dir, 'index.html'), 'utf8');

/** The pid of a process that has exited. */
const deadPid = () => Number(spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).stdout.trim());

it('swaps the new site in and removes the old one', () => {
  const root = scratch();
  const target = site(join(root, 'dist'), 'old');
  publish(site(join(root, 'built'), 'new'), target);
  expect(page(target)).toBe('new');
  expect(readdirSync(root)).toEqual(['dist']);
});

it('puts the previous site back when the second rename fails (a failure injected between the two steps)', () => {
  const root = scratch();
  const target = site(join(root, 'dist'), 'old');
  let calls = 0;
  const failing = {
    rename: (from: string, to: string) => {
      calls += 1;
      // The first rename (dist aside) happens; at that instant dist/ is absent, then the second one fails.
      if (calls === 2)
        throw Object.assign(new Error(`EPERM: operation not permitted, rename '${from}' -> '${to}'`), {
          code: 'EPERM',
        });
      renameSync(from, to);
    },
  };
  expect(() => publish(site(join(root, 'built'), 'new'), target, failing)).toThrow(/EPERM/);
  expect(page(target)).toBe('old');
  expect(readdirSync(root)).toEqual(['dist']);
});

it('copies a build made on another filesystem beside the target before swapping it in', () => {
  const onTmpfs = existsSync('/dev/shm') ? scratch('/dev/shm') : scratch();
  const inCheckout = scratch('.cache');
  const target = site(join(inCheckout, 'dist'), 'old');
  publish(site(join(onTmpfs, 'built'), 'new'), target);
  expect(page(target)).toBe('new');
  expect(readdirSync(inCheckout)).toEqual(['dist']);
  expect(existsSync(join(onTmpfs, 'built'))).toBe(false);
});

it('removes staging folders of builds that were interrupted, and keeps those of builds still running', () => {
  const root = scratch();
  const target = site(join(root, 'dist'), 'site');
  const dead = deadPid();
  // The test runner's parent process: alive for as long as this test runs.
  const running = process.ppid;
  site(join(root, stagingName(target, dead)), 'half');
  site(join(root, stagingName(target, running)), 'in progress');
  const cache = join(root, 'cache');
  site(join(cache, `build-${dead}`), 'half');
  site(join(cache, `build-${dead}-cards`), 'half');
  site(join(cache, `build-${dead}-cites`), 'half');
  for (const file of ['facts', 'yaml', 'citations']) writeFileSync(join(cache, `build-${dead}-${file}.json`), '{}');
  writeFileSync(join(cache, `build-${running}-citations.json`), '{}');
  const done = cleanLeftovers(target, cache);
  expect(done).toHaveLength(7);
  expect(readdirSync(root).sort()).toEqual([stagingName(target, running), 'cache', 'dist'].sort());
  expect(readdirSync(cache)).toEqual([`build-${running}-citations.json`]);
});

it('puts the previous site back when a build died between the two renames', () => {
  const root = scratch();
  const target = join(root, 'dist');
  const dead = deadPid();
  site(join(root, previousName(target, dead)), 'the last good site');
  site(join(root, stagingName(target, dead)), 'the new site, never swapped in');
  expect(cleanLeftovers(target)).toEqual([
    expect.stringContaining('put back dist/'),
    expect.stringContaining('removed'),
  ]);
  expect(page(target)).toBe('the last good site');
  expect(readdirSync(root)).toEqual(['dist']);
});
