// Reading offline, written last (it lists Pagefind's files, and counts every page as served): for each briefing, the list of
// files "Save for offline" stores (`offline/<briefing>.json`, src/offline/offline-set.ts), its size written into the
// briefing's pages beside the button, and the service worker (`sw.js`, from src/client/offline/service-worker.ts with
// its types stripped) stamped with the build: a hash of every file the site serves, so that a new build is a new
// worker with caches of its own, and files of two builds never meet in one cache.
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileOf, formatBytes, offlineSets } from './offline-set.ts';
import { FINISH_AFTER_ASTRO } from '../site/build-env.ts';

const WORKER_SOURCE = fileURLToPath(new URL('../client/offline/service-worker.ts', import.meta.url));
/** Where the button's size goes in the built pages (src/components/offline/SaveOffline.astro). */
const SIZE_SLOT = /(<span data-offline-size[^>]*>)[^<]*(<\/span>)/g;

/** A hash of every file of `dist` but those this step writes (they carry the hash). */
function buildId(dist: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file !== 'sw.js' && !file.startsWith('offline/') && statSync(join(dist, file)).isFile())
    .sort();
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(dist, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The service worker's code for this build and base path. */
function workerScript(build: string, base: string): string {
  const code = stripTypeScriptTypes(readFileSync(WORKER_SOURCE, 'utf8'));
  // The file is a module only for the type checker; the worker is a classic script. Its comments stay in the
  // repository: lines that are only a comment go.
  return code
    .replace(/^export \{\};?\s*$/m, '')
    .replace(/^\s*\/\/.*\n/gm, '')
    .replace('__READER_BUILD__', build)
    .replace('__READER_BASE__', base);
}

/** The offline lists, the sizes beside the buttons and the service worker; `base` as `/`, `/reader/`. */
export function writeOffline(dist: string, base: string): { briefings: number; build: string } {
  const sets = offlineSets(dist, base);
  // The size beside each briefing's button (a few bytes more in the pages themselves, well below the rounding).
  const filledSizes = new Map<string, number>();
  for (const set of sets) {
    for (const { url } of set.files) {
      const file = fileOf(base, url);
      if (!url.startsWith(`${base}${set.slug}/`) || !file.endsWith('.html')) continue;
      const html = readFileSync(join(dist, file), 'utf8');
      const filled = html.replace(SIZE_SLOT, `$1${formatBytes(set.bytes)}$2`);
      if (filled === html) continue;
      writeFileSync(join(dist, file), filled);
      filledSizes.set(url, Buffer.byteLength(filled));
    }
  }
  const build = buildId(dist);
  const folder = join(dist, 'offline');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const set of sets) {
    const files = set.files.map(({ url, bytes }) => ({ url, bytes: filledSizes.get(url) ?? bytes }));
    const manifest = { build, ...set, files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
    writeFileSync(join(folder, `${set.slug}.json`), JSON.stringify(manifest));
  }
  writeFileSync(join(dist, 'sw.js'), workerScript(build, base));
  return { briefings: sets.length, build };
}

export function offline(): AstroIntegration {
  let base = '/';
  return {
    name: 'reader:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = `/${config.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
      },
      'astro:build:done': ({ dir, logger }) => {
        if (process.env[FINISH_AFTER_ASTRO]) return;
        const { briefings, build } = writeOffline(fileURLToPath(dir), base);
        logger.info(`wrote the offline file lists of ${briefings} briefings and the service worker of build ${build}`);
      },
    },
  };
}
