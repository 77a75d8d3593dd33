// Builds the Pagefind search index from the finished HTML in `astro:build:done`, so every build,
// the tests' included, ships dist/pagefind/. Only elements marked data-pagefind-body are indexed.
// The site searches through Pagefind's JavaScript API on the main thread (src/scripts/search-results.ts),
// so the ready-made UIs, the highlight script and the worker Pagefind also writes are removed.
// Pagefind gzips its WebAssembly itself and unzips it in JavaScript; stored unzipped (Pagefind reads both),
// the host compresses it with brotli instead (public/_headers marks it application/wasm, a type hosts
// compress): 9 KB less to fetch and no unzipping before the first search.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { writeSearchVocabulary } from './search-vocabulary';

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

export function pagefind(): AstroIntegration {
  return {
    name: 'reader:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors } = await createIndex({ forceLanguage: 'en' });
          if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('Pagefind found no page marked data-pagefind-body');
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
          const bundle = join(outDir, 'pagefind');
          for (const file of UNUSED) rmSync(join(bundle, file), { force: true });
          for (const file of readdirSync(bundle).filter((name) => /^wasm\..+\.pagefind$/.test(name))) {
            const unzipped = gunzipSync(readFileSync(join(bundle, file)));
            if (unzipped.subarray(0, 12).toString('latin1') !== 'pagefind_dcd')
              throw new Error(`Pagefind's ${file} is not in the format this site expects (no pagefind_dcd signature)`);
            writeFileSync(join(bundle, file), unzipped);
          }
          logger.info(`indexed ${added.page_count} pages into pagefind/`);
          logger.info(
            `wrote the search vocabulary into ${writeSearchVocabulary(outDir)} files in pagefind/vocabulary/`,
          );
        } finally {
          await close();
        }
      },
    },
  };
}
