// Builds the Pagefind search index from the finished HTML, so every build, the tests' included, ships
// dist/pagefind/: in `astro:build:done`, or, in `npm run build`, after Astro has exited
// (tools/finish-site.ts). Only elements marked data-pagefind-body are indexed. The site searches
// through Pagefind's JavaScript API on the main thread (src/client/search/results.ts), so the ready-made UIs,
// the highlight script and the worker Pagefind also writes are removed.
//
// Every way Pagefind can fail fails the build, with a message saying what failed and what to do: it cannot
// start, it exits non-zero or dies (src/search/pagefind-indexer.ts runs it in a process of its own), it
// writes no index, or it runs past a time limit (READER_PAGEFIND_TIMEOUT seconds, 300 by default), when it is
// killed.
//
// The WebAssembly, on any host: Pagefind ships it gzipped and unzips it in JavaScript, which works on every
// host; we recompress it with Zopfli (the same gzip format, 3 KB smaller; cached in .cache/). A host that
// compresses `application/wasm` itself (Cloudflare, Bunny) does better with the file stored unzipped and
// brotli'd by the host (51 KB instead of 57 KB): build with READER_HOST_COMPRESSES_WASM=1 for such a host, and
// `_headers` then marks the file application/wasm so that the host compresses it.
import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { gzip as zopfli } from '@gfx/zopfli';
import { FINISH_AFTER_ASTRO } from '../site/build-env.ts';
import { writeSearchVocabulary } from './vocabulary.ts';

const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
];

const DEFAULT_TIMEOUT_SECONDS = 300;

export class PagefindError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PagefindError';
  }
}

export interface IndexOptions {
  /** Stop Pagefind after this long. */
  timeoutMs: number;
  /** Store the WebAssembly unzipped, for a host that compresses application/wasm. */
  hostCompressesWasm: boolean;
  /** Where recompressed WebAssembly is kept between builds. */
  cacheDir?: string;
}

function indexOptions(env: Record<string, string | undefined> = process.env, cacheDir?: string): IndexOptions {
  const seconds = Number(env.READER_PAGEFIND_TIMEOUT || DEFAULT_TIMEOUT_SECONDS);
  if (!(seconds > 0))
    throw new PagefindError(
      `READER_PAGEFIND_TIMEOUT must be a number of seconds, not "${env.READER_PAGEFIND_TIMEOUT}"`,
    );
  return {
    timeoutMs: seconds * 1000,
    hostCompressesWasm: /^(1|true|yes)$/i.test(env.READER_HOST_COMPRESSES_WASM ?? ''),
    cacheDir,
  };
}

/** How src/search/pagefind-indexer.ts marks the line that says why it failed. */
const REASON = 'pagefind-indexer: ';
const INDEXER = fileURLToPath(new URL('./pagefind-indexer.ts', import.meta.url));
const WHAT_TO_DO =
  'Check that Pagefind runs (npx pagefind --version) and that PAGEFIND_BINARY_PATH and PAGEFIND_EXTENDED_BINARY_PATH are unset or point at a working binary; `npm ci` reinstalls it.';

/** What the indexer prints once it has listed the pages it will read (src/search/pagefind-indexer.ts). */
const LISTED = 'listed';

/** Runs Pagefind over `siteDir` in a child process, within the time limit; rejects with a PagefindError. */
function runIndexer(siteDir: string, timeoutMs: number, listed: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that a time-out also kills the Pagefind binary it started.
    const child = spawn(process.execPath, [INDEXER, siteDir], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    let timedOut = false;
    // A line of its own says it has listed the pages; once it has come, nothing more it prints is read.
    let printed = '';
    let told = false;
    child.stdout.on('data', (chunk) => {
      if (told) return;
      printed += chunk;
      if (!printed.split('\n').slice(0, -1).includes(LISTED)) return;
      told = true;
      listed();
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const kill = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    // A build that fails meanwhile (a card that cannot be drawn) exits at once: the indexer goes with it.
    process.once('exit', kill);
    const done = () => {
      clearTimeout(timer);
      process.off('exit', kill);
    };
    child.on('error', (error) => {
      done();
      reject(new PagefindError(`Pagefind could not be started: ${error.message}. ${WHAT_TO_DO}`));
    });
    child.on('close', (code, signal) => {
      done();
      if (timedOut) {
        reject(
          new PagefindError(
            `Pagefind was still indexing after ${timeoutMs / 1000} s and was stopped. A large library may need longer: set READER_PAGEFIND_TIMEOUT to more seconds. If it hangs on a small site: ${WHAT_TO_DO}`,
          ),
        );
      } else if (code !== 0) {
        const lines = stderr.trim().split('\n');
        const reasons = lines.filter((l) => l.startsWith(REASON)).map((l) => l.slice(REASON.length));
        const said = (reasons.length ? reasons : lines.slice(-5)).join('\n  ');
        reject(
          new PagefindError(
            `Pagefind failed (${signal ? `killed by ${signal}` : `exit status ${code}`})${said ? `:\n  ${said}` : ''}\n${WHAT_TO_DO}`,
          ),
        );
      } else resolve();
    });
  });
}

/** Checks what Pagefind wrote: an entry file that counts indexed pages, its script and its WebAssembly. */
export function checkIndex(bundle: string): number {
  const entryFile = join(bundle, 'pagefind-entry.json');
  if (!existsSync(entryFile))
    throw new PagefindError(`Pagefind wrote no index: there is no ${entryFile}. ${WHAT_TO_DO}`);
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as {
    languages?: Record<string, { page_count?: number; wasm?: string }>;
  };
  const languages = Object.values(entry.languages ?? {});
  const pages = languages.reduce((n, l) => n + (l.page_count ?? 0), 0);
  if (pages === 0)
    throw new PagefindError(
      'Pagefind indexed no page: no page is marked data-pagefind-body (src/components/reading/SectionBody.astro marks the section text).',
    );
  for (const file of ['pagefind.js', ...languages.map((l) => `wasm.${l.wasm}.pagefind`)]) {
    if (!existsSync(join(bundle, file))) throw new PagefindError(`Pagefind's index has no ${file}. ${WHAT_TO_DO}`);
  }
  return pages;
}

const SIGNATURE = 'pagefind_dcd';

function zopfliGzip(bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zopfli(bytes, { numiterations: 15 }, (error, out) => (error ? reject(error) : resolve(Buffer.from(out)))),
  );
}

/** Pagefind's WebAssembly files, stored for the host: unzipped for one that compresses wasm, else Zopfli gzip. */
export async function shipWasm(bundle: string, options: Pick<IndexOptions, 'hostCompressesWasm' | 'cacheDir'>) {
  for (const file of readdirSync(bundle)
    .filter((name) => /^wasm\..+\.pagefind$/.test(name))
    .sort()) {
    const path = join(bundle, file);
    const unzipped = gunzipSync(readFileSync(path));
    if (unzipped.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE)
      throw new PagefindError(`Pagefind's ${file} is not in the format this site expects (no ${SIGNATURE} signature)`);
    if (options.hostCompressesWasm) {
      writeFileSync(path, unzipped);
      continue;
    }
    const hash = createHash('sha256').update(unzipped).digest('hex');
    const cached = options.cacheDir ? join(options.cacheDir, `${hash}.gz`) : null;
    let zipped: Buffer;
    if (cached && existsSync(cached)) zipped = readFileSync(cached);
    else {
      zipped = await zopfliGzip(unzipped);
      if (cached) {
        mkdirSync(options.cacheDir!, { recursive: true });
        writeFileSync(cached, zipped);
      }
    }
    writeFileSync(path, zipped);
  }
}

/**
 * The `_headers` rules that mark the unzipped WebAssembly for a host to compress, written from the site's root
 * like the rest of the file (src/site/security-headers.ts moves them all under the base path).
 */
export function wasmHeaderRules(bundle: string): string {
  return readdirSync(bundle)
    .filter((name) => /^wasm\..+\.pagefind$/.test(name))
    .sort()
    .map((name) => `/pagefind/${name}\n  Content-Type: application/wasm\n`)
    .join('');
}

/** Indexes the site, ships the WebAssembly for the host, and writes the vocabulary of "Did you mean …?". */
export async function indexSite(
  siteDir: string,
  options: IndexOptions,
  listed: () => void = () => {},
): Promise<{ pages: number; vocabularyFiles: number }> {
  const bundle = join(siteDir, 'pagefind');
  rmSync(bundle, { recursive: true, force: true });
  await runIndexer(siteDir, options.timeoutMs, listed);
  const pages = checkIndex(bundle);
  for (const file of UNUSED) rmSync(join(bundle, file), { force: true });
  await shipWasm(bundle, options);
  return { pages, vocabularyFiles: writeSearchVocabulary(siteDir) };
}

/**
 * The site's search: its index, its WebAssembly as the host wants it, and the vocabulary; `root` is the project's,
 * whose .cache/ keeps the recompressed WebAssembly. `listed` is called once Pagefind's indexer has listed the pages
 * (from then on they may be replaced, each whole). Throws a PagefindError saying what failed.
 */
export async function writeSearchIndex(
  outDir: string,
  root: string,
  log: (line: string) => void,
  listed?: () => void,
): Promise<void> {
  const options = indexOptions(process.env, join(root, '.cache', 'pagefind-wasm'));
  const { pages, vocabularyFiles } = await indexSite(outDir, options, listed);
  if (options.hostCompressesWasm) {
    const headers = join(outDir, '_headers');
    const rules = wasmHeaderRules(join(outDir, 'pagefind'));
    writeFileSync(
      headers,
      `${readFileSync(headers, 'utf8').trimEnd()}\n\n# Pagefind's WebAssembly, stored unzipped (READER_HOST_COMPRESSES_WASM): a type the host compresses.\n${rules}`,
    );
  }
  log(
    `indexed ${pages} pages into pagefind/ (WebAssembly ${options.hostCompressesWasm ? 'unzipped, for the host to compress' : 'gzipped'})`,
  );
  log(`wrote the search vocabulary into ${vocabularyFiles} files in pagefind/vocabulary/`);
}

export function pagefind(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'reader:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[FINISH_AFTER_ASTRO]) return;
        try {
          await writeSearchIndex(fileURLToPath(dir), root, (line) => logger.info(line));
        } catch (error) {
          if (!(error instanceof PagefindError) || process.env.DEBUG) throw error;
          // One plain message, not Astro's hook wrapper and a stack trace.
          process.stderr.write(`\nThe search index could not be built.\n${error.message}\n`);
          process.exit(1);
        }
      },
    },
  };
}
