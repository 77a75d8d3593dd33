// `npm run bench:shards -- --dist DIR`: the shard path for a library too large for one build, tried on a built
// site (e.g. the 100-briefing library `npm run bench:scale -- --sizes 100 --keep` leaves behind). Its briefings are
// split into two halves by slug; each half's pages are indexed apart with Pagefind's Node API, as two builders
// would (DIR/pagefind-shard-1/ and -2/), and the two are searched together from one page with Pagefind's
// `mergeIndex`. For each query the first ten results of the merged shards are compared with those of the site's own
// single index (DIR/pagefind/), and the indexing time, index sizes and the bytes and time of a cold first search are
// printed for both. The shard folders are removed afterwards. Timings are never tests.
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { close, createIndex } from 'pagefind';
import { chromium, type Browser } from 'playwright-core';
import { serveDist } from './static-server.ts';
import { QUERY_WORD } from './scale-library.ts';

const { values: options } = parseArgs({
  options: {
    dist: { type: 'string' },
    queries: { type: 'string', default: `${QUERY_WORD},european union,civic resilience,okafor,the` },
  },
});
if (!options.dist) throw new Error('--dist DIR: a built site to shard');
const dist = resolve(options.dist);
const queries = options.queries.split(',').map((q) => q.trim());

const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
  .map((file) => file.split(sep).join('/'))
  .sort();
const briefings = [...new Set(files.map((f) => f.split('/')[0]).filter((b) => /^b\d{4}-/.test(b)))].sort();
const half = Math.ceil(briefings.length / 2);
const shardOf = (file: string) => (briefings.indexOf(file.split('/')[0]) < half ? 1 : 2);

const folderBytes = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((sum, name) => {
    const info = statSync(join(dir, name));
    return sum + (info.isFile() ? info.size : 0);
  }, 0);

/** Indexes the given pages into DIR/<folder>/ as the build's indexer does; returns the ms it took. */
async function indexPages(pages: string[], folder: string): Promise<{ ms: number; pages: number }> {
  const started = performance.now();
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let indexed = 0;
  for (const file of pages) {
    const added = await index.addHTMLFile({ sourcePath: file, content: readFileSync(join(dist, file), 'utf8') });
    if (added.file?.url) indexed += 1;
  }
  await index.writeFiles({ outputPath: join(dist, folder) });
  await index.deleteIndex();
  return { ms: Math.round(performance.now() - started), pages: indexed };
}

const whole = await indexPages(files, 'pagefind-whole');
const shards = [
  await indexPages(
    files.filter((f) => shardOf(f) === 1),
    'pagefind-shard-1',
  ),
  await indexPages(
    files.filter((f) => shardOf(f) === 2),
    'pagefind-shard-2',
  ),
];
await close();

/** A cold search in a new context: the first ten result URLs, the ms and the bytes fetched. */
async function search(browser: Browser, url: string, bundles: string[], query: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  const sizes: Promise<void>[] = [];
  page.on('requestfinished', (r) =>
    sizes.push(r.sizes().then((s) => void (bytes += s.responseBodySize + s.responseHeadersSize))),
  );
  // A plain text document of the site: same origin, and no page script or policy of its own.
  await page.goto(`${url}robots.txt`);
  await Promise.all(sizes.splice(0));
  bytes = 0;
  const { ms, urls, count } = await page.evaluate(
    async ({ bundles, query }) => {
      const started = performance.now();
      const pagefind = await import(`${bundles[0]}pagefind.js`);
      await pagefind.options({ basePath: bundles[0] });
      for (const other of bundles.slice(1)) await pagefind.mergeIndex(other);
      const response = await pagefind.search(query);
      const first = await Promise.all(
        response.results.slice(0, 10).map((r: { data: () => Promise<{ url: string }> }) => r.data()),
      );
      return {
        ms: Math.round(performance.now() - started),
        urls: first.map((d: { url: string }) => d.url),
        count: response.results.length as number,
      };
    },
    { bundles, query },
  );
  await page.waitForLoadState('networkidle');
  await Promise.all(sizes);
  await context.close();
  return { ms, urls, count, bytes };
}

const server = await serveDist({ root: dist, compress: true, headersFile: false });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
const rows: string[][] = [
  ['query', 'results (one / merged)', 'one index: ms, KB', 'two shards merged: ms, KB', 'first ten'],
];
try {
  for (const query of queries) {
    const one = await search(browser, server.url, ['/pagefind-whole/'], query);
    const merged = await search(browser, server.url, ['/pagefind-shard-1/', '/pagefind-shard-2/'], query);
    const same =
      one.urls.join() === merged.urls.join()
        ? 'same, same order'
        : new Set(one.urls).size === new Set([...one.urls, ...merged.urls]).size
          ? 'same pages, another order'
          : `${merged.urls.filter((u) => one.urls.includes(u)).length} of ${one.urls.length} the same`;
    rows.push([
      query,
      `${one.count} / ${merged.count}`,
      `${one.ms}, ${(one.bytes / 1024).toFixed(1)}`,
      `${merged.ms}, ${(merged.bytes / 1024).toFixed(1)}`,
      same,
    ]);
  }
} finally {
  await browser.close();
  await server.close();
}

const mb = (n: number) => (n / 2 ** 20).toFixed(2);
console.log(`${briefings.length} briefings, ${files.length} pages; halves of ${half} and ${briefings.length - half}`);
console.log(
  `one index: ${whole.pages} HTML files read in ${whole.ms} ms, ${mb(folderBytes(join(dist, 'pagefind-whole')))} MB`,
);
shards.forEach((s, i) =>
  console.log(
    `shard ${i + 1}: ${s.pages} HTML files read in ${s.ms} ms, ${mb(folderBytes(join(dist, `pagefind-shard-${i + 1}`)))} MB`,
  ),
);
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
for (const folder of ['pagefind-whole', 'pagefind-shard-1', 'pagefind-shard-2'])
  rmSync(join(dist, folder), { recursive: true, force: true });
