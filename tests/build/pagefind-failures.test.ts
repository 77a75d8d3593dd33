// Every way Pagefind can fail fails the build, and the index is the same on every filesystem. The real Pagefind
// runs on copies of the built site; a failing Pagefind is its real API talking to a stand-in binary
// (PAGEFIND_EXTENDED_BINARY_PATH, which Pagefind's own package reads) that exits, dies or hangs.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkIndex, indexSite, shipWasm, wasmHeaderRules } from '../../src/search/pagefind';
import { differingFiles, treeHash } from '../../tools/tree-diff';
import { DIST } from '../support/dist';

const ROOT = mkdtempSync(join(tmpdir(), 'reader-pagefind-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

/** A copy of the built site without its index, in `under`. */
function siteCopy(name: string, under = ROOT): string {
  const dir = join(under, name);
  cpSync(DIST, dir, { recursive: true });
  rmSync(join(dir, 'pagefind'), { recursive: true, force: true });
  return dir;
}

/** A stand-in for Pagefind's binary: a shell script. */
function binary(name: string, script: string): string {
  const path = join(ROOT, `${name}.sh`);
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

async function withBinary<T>(path: string, run: () => Promise<T>): Promise<T> {
  process.env.PAGEFIND_EXTENDED_BINARY_PATH = path;
  try {
    return await run();
  } finally {
    delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  }
}

/** Whether a process runs (a killed one waiting to be reaped, a zombie, does not). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const options = { timeoutMs: 60_000, hostCompressesWasm: false };

describe('a Pagefind that fails', () => {
  it('that cannot start (its binary exits 1) fails, naming the binary and what to do', async () => {
    const site = siteCopy('cannot-start');
    const failing = binary('exit-1', 'exit 1');
    await expect(withBinary(failing, () => indexSite(site, options))).rejects.toThrow(
      `Pagefind failed (exit status 1):\n  Pagefind's binary (${failing}, from PAGEFIND_EXTENDED_BINARY_PATH) exited or was killed before the index was written\nCheck that Pagefind runs`,
    );
  });

  it('that is killed while indexing fails', async () => {
    const site = siteCopy('killed');
    // Reads the start of the first request, then dies as a killed process does.
    const killed = binary('killed', 'head -c 1 > /dev/null\nkill -9 $$');
    await expect(withBinary(killed, () => indexSite(site, options))).rejects.toThrow(
      /exited or was killed before the index was written/,
    );
    expect(existsSync(join(site, 'pagefind', 'pagefind-entry.json'))).toBe(false);
  });

  it('that hangs is stopped at the time limit, its binary killed too, and says so', async () => {
    const site = siteCopy('hangs');
    const pidFile = join(ROOT, 'hang.pid');
    const hangs = binary('hangs', `echo $$ > ${pidFile}\nexec sleep 600`);
    const started = Date.now();
    await expect(withBinary(hangs, () => indexSite(site, { ...options, timeoutMs: 1500 }))).rejects.toThrow(
      /Pagefind was still indexing after 1.5 s and was stopped\. A large library may need longer: set READER_PAGEFIND_TIMEOUT/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await expect.poll(() => (running(pid) ? 'still running' : 'gone'), { timeout: 5000 }).toBe('gone');
  });

  it('that writes no index, or one with no page, fails', () => {
    const empty = join(ROOT, 'no-index');
    mkdirSync(empty, { recursive: true });
    expect(() => checkIndex(empty)).toThrow(/^Pagefind wrote no index: there is no .*pagefind-entry\.json/);
    writeFileSync(
      join(empty, 'pagefind-entry.json'),
      JSON.stringify({ languages: { en: { page_count: 0, wasm: 'en' } } }),
    );
    expect(() => checkIndex(empty)).toThrow(/^Pagefind indexed no page: no page is marked data-pagefind-body/);
  });

  it('fails `npm run build` with one plain message, leaving the previous site as it was', () => {
    const out = join(ROOT, 'previous-site');
    cpSync(DIST, out, { recursive: true });
    const before = treeHash(out);
    const result = spawnSync(process.execPath, ['tools/build.ts', '--silent'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        READER_BASE: '',
        // The one-section fixture library: Astro builds it in a moment, and Pagefind fails after it all the same.
        READER_CONTENT_DIR: 'tests/fixtures/library',
        READER_OUT_DIR: out,
        PAGEFIND_EXTENDED_BINARY_PATH: binary('exit-1-build', 'exit 1'),
        DEBUG: '',
      },
      timeout: 120_000,
    });
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toContain('The search index could not be built.\nPagefind failed (exit status 1)');
    expect(output).toContain('build failed: previous-site/ left as it was');
    expect(output).not.toMatch(/An unhandled error occurred|^\s+at /m);
    expect(treeHash(out)).toBe(before);
    expect(readdirSync(ROOT).filter((name) => name.startsWith('.previous-site'))).toEqual([]);
  }, 120_000);
});

describe('the same index on every filesystem', () => {
  it('indexes the same site into the same bytes on tmpfs and on the checkout’s disk', async () => {
    // Directory order differs between tmpfs and ext4; Pagefind's addDirectory followed it.
    const shm = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/reader-pagefind-') : null;
    if (!shm) return console.warn('no /dev/shm: the tmpfs half of this test is skipped');
    mkdirSync('.cache', { recursive: true });
    const disk = mkdtempSync(join('.cache', 'reader-pagefind-'));
    try {
      const [a, b] = [siteCopy('site', shm), siteCopy('site', disk)];
      await Promise.all([indexSite(a, options), indexSite(b, options)]);
      expect(differingFiles(join(a, 'pagefind'), join(b, 'pagefind'))).toEqual([]);
      expect(differingFiles(join(a, 'pagefind'), join(DIST, 'pagefind'))).toEqual([]);
    } finally {
      rmSync(shm, { recursive: true, force: true });
      rmSync(disk, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the WebAssembly, for each kind of host', () => {
  it('is gzipped by default (any host), and unzipped and marked application/wasm for a host that compresses it', async () => {
    const bundle = join(ROOT, 'wasm');
    cpSync(join(DIST, 'pagefind'), bundle, { recursive: true });
    const gzipped = readFileSync(join(bundle, 'wasm.en.pagefind'));
    expect(gunzipSync(gzipped).subarray(0, 16).toString('latin1')).toBe('pagefind_dcd\0asm');
    await shipWasm(bundle, { hostCompressesWasm: true });
    const unzipped = readFileSync(join(bundle, 'wasm.en.pagefind'));
    expect(unzipped.subarray(0, 16).toString('latin1')).toBe('pagefind_dcd\0asm');
    expect(unzipped.equals(gunzipSync(gzipped))).toBe(true);
    expect(wasmHeaderRules(bundle)).toBe(
      '/pagefind/wasm.en.pagefind\n  Content-Type: application/wasm\n/pagefind/wasm.unknown.pagefind\n  Content-Type: application/wasm\n',
    );
  });
});
