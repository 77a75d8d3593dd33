// `npm run bench:shards -- --dist DIR`: the shard path for a library too large for one build, tried on a built
// site (e.g. the 100-briefing library `npm run bench:scale -- --sizes 100 --keep` leaves behind). Its briefings are
// split into two halves by slug; each half's pages are indexed apart with Pagefind's Node API, as two builders
// would (DIR/pagefind-shard-1/ and -2/), and one index of all of them is built the same way (DIR/pagefind-whole/).
// The shards are searched together from one page with Pagefind's `mergeIndex`, each marked with a `mergeFilter`
// (shard: 0, 1) so that a search can also ask one shard alone. For each query, cold, in a new browser context:
// - with Pagefind's default ranking, the first ten of the merged shards (mergeIndex's own order) against one index's;
// - with the ranking option `pageLength: 0`, the same, and the merged results re-scored with the library's idf
//   (tools/shard-rank.ts: each shard searched alone for the query and for each of its words, which fetches
//   nothing more) against one index's with that ranking; pages whose scores in one index are equal (to 1 part in
//   10^5) may come in either order;
// - the same again with every index chunk that holds words beginning as the query's words do loaded first, in one
//   index and in the shards alike. Pagefind matches a word and the longer words it begins ("the": "their",
//   "theory"), but only among the chunks it loaded: for a word it loads the chunk the word falls in, and longer words
//   past that chunk's end are left out. Each index has its own chunk boundaries, so one index and two shards can
//   count different words for a common word (and one index counts more of them once other searches have loaded
//   the next chunk);
// and the indexing time, index sizes, each index's page count and average page length, and the bytes and time of a
// cold first search. The folders it writes are removed afterwards. Timings are never tests.
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { close, createIndex } from 'pagefind';
import { chromium, type Browser } from 'playwright-core';
import { serveDist } from './static-server.ts';
import { readMeta } from '../src/search/pagefind-files.ts';
import { QUERY_WORD } from './scale-library.ts';
import { idf, libraryScore } from './shard-rank.ts';
import { gunzipSync } from 'node:zlib';

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

/** The pages an index holds and their average length in words, read from its fragments, as Pagefind counts them. */
function indexStats(folder: string): { pages: number; averageLength: number } {
  const dir = join(dist, folder, 'fragment');
  const counts = readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(join(dir, name)))
      .toString('utf8')
      .replace(/^pagefind_dcd/, '');
    return (JSON.parse(text) as { word_count: number }).word_count;
  });
  return { pages: counts.length, averageLength: counts.reduce((a, b) => a + b, 0) / counts.length };
}

/**
 * A word of each index chunk that holds words beginning with the first three letters of one of the query's words
 * (a superset of the words Pagefind extends it to, which begin with its stem): searching for it loads that chunk.
 */
function chunkWords(folders: string[], query: string): string[] {
  const prefixes = query
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.slice(0, 3));
  const words = new Set<string>();
  for (const folder of folders) {
    const entry = JSON.parse(readFileSync(join(dist, folder, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string }>;
    };
    for (const { hash } of Object.values(entry.languages))
      for (const chunk of readMeta(readFileSync(join(dist, folder, `pagefind.${hash}.pf_meta`))).chunks)
        if (prefixes.some((p) => chunk.to >= p && chunk.from < `${p}\uffff`)) words.add(chunk.from);
  }
  return [...words];
}

type Ranking = Record<string, number>;
interface Scored {
  id: string;
  score: number;
}
interface Searched {
  ms: number;
  bytes: number;
  count: number;
  /** Every result, in the order Pagefind gives them. */
  results: Scored[];
  /** Per shard (merged search only): the results of the query, and of each of its words, in that shard alone. */
  shards: { pages: number; query: Scored[]; words: { count: number; results: Scored[] }[] }[];
}

/**
 * A cold search in a new context, as the reader runs it (Pagefind on the main thread), with the ten first results'
 * text fetched; for shards, then each shard alone for the query and each word (what re-scoring needs).
 */
async function search(
  browser: Browser,
  url: string,
  bundles: string[],
  query: string,
  ranking: Ranking,
  preloading: string[] = [],
) {
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
  const found: Omit<Searched, 'bytes'> = await page.evaluate(
    async ({ bundles, query, ranking, preloading }) => {
      type Result = { id: string; score: number; data: () => Promise<unknown> };
      type Response = { results: Result[] };
      const started = performance.now();
      const pagefind = await import(`${bundles[0]}pagefind.js`);
      const merged = bundles.length > 1;
      await pagefind.options({
        basePath: bundles[0],
        noWorker: true,
        ranking,
        ...(merged ? { mergeFilter: { shard: '0' } } : {}),
      });
      for (const [i, other] of bundles.slice(1).entries())
        await pagefind.mergeIndex(other, { ranking, mergeFilter: { shard: String(i + 1) } });
      for (const word of preloading) await pagefind.preload(word);
      const response: Response = await pagefind.search(query);
      await Promise.all(response.results.slice(0, 10).map((r) => r.data()));
      const ms = Math.round(performance.now() - started);
      const scored = (list: Result[]) => list.map(({ id, score }) => ({ id, score }));
      const inShard = (shard: number) => ({ filters: { shard: String(shard) } });
      const shards = [];
      if (merged)
        for (let shard = 0; shard < bundles.length; shard++) {
          const words = [];
          for (const word of query.split(/\s+/)) {
            const alone: Response = await pagefind.search(word, inShard(shard));
            words.push({ count: alone.results.length, results: scored(alone.results) });
          }
          shards.push({
            pages: ((await pagefind.search(null, inShard(shard))) as Response).results.length,
            query: scored(((await pagefind.search(query, inShard(shard))) as Response).results),
            words,
          });
        }
      return { ms, count: response.results.length, results: scored(response.results), shards };
    },
    { bundles, query, ranking, preloading },
  );
  await page.waitForLoadState('networkidle');
  await Promise.all(sizes);
  await context.close();
  return { ...found, bytes } as Searched;
}

/** The merged results re-scored with the whole library's idf, best first. */
function rescored(merged: Searched): Scored[] {
  const pages = merged.shards.reduce((sum, s) => sum + s.pages, 0);
  const words = merged.shards[0].words.length;
  const libraryIdfs = [...Array(words).keys()].map((i) =>
    idf(
      pages,
      merged.shards.reduce((sum, s) => sum + s.words[i].count, 0),
    ),
  );
  return merged.shards
    .flatMap((shard) => {
      const shardIdfs = shard.words.map((w) => idf(shard.pages, w.count));
      const alone = shard.words.map((w) => new Map(w.results.map((r) => [r.id, r.score])));
      return shard.query.map(({ id, score }) => ({
        id,
        score: libraryScore({ score, wordScores: alone.map((m) => m.get(id)!), shardIdfs, libraryIdfs }),
      }));
    })
    .sort((a, b) => b.score - a.score);
}

/**
 * How the first ten of `merged` compare with one index's: the same pages in the same place, or where they differ,
 * pages one index scores equally (ties, which either order gives rightly).
 */
function compare(one: Scored[], merged: Scored[]): string {
  const scoreInOne = new Map(one.map((r) => [r.id, r.score]));
  const tied = (a: number, b: number) => Math.abs(a - b) <= 1e-5 * Math.max(Math.abs(a), Math.abs(b));
  const first = one.slice(0, 10);
  const theirs = merged.slice(0, 10);
  if (first.every((r, i) => r.id === theirs[i]?.id)) return 'same, same order';
  if (first.every((r, i) => r.id === theirs[i]?.id || tied(r.score, scoreInOne.get(theirs[i]?.id) ?? NaN)))
    return 'same, ties aside';
  const ids = new Set(first.map((r) => r.id));
  const common = theirs.filter((r) => ids.has(r.id)).length;
  return common === first.length ? 'same pages, another order' : `${common} of ${first.length} the same`;
}

/** The largest difference, relative, between a page's re-scored value and its score in one index. */
function largestDifference(one: Scored[], merged: Scored[]): number {
  const scoreInOne = new Map(one.map((r) => [r.id, r.score]));
  return Math.max(...merged.map((r) => Math.abs(r.score - scoreInOne.get(r.id)!) / scoreInOne.get(r.id)!));
}

const server = await serveDist({ root: dist, compress: true, headersFile: false });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
const rows: string[][] = [
  [
    'query',
    'results (one / merged)',
    'one index: ms, KB',
    'two shards merged: ms, KB',
    'first ten, default ranking',
    'first ten, pageLength 0, merged as is',
    'first ten, pageLength 0, re-scored',
    'the same, every chunk of the words loaded',
    'largest score difference',
  ],
];
const SHARDS = ['/pagefind-shard-1/', '/pagefind-shard-2/'];
try {
  for (const query of queries) {
    const one = await search(browser, server.url, ['/pagefind-whole/'], query, {});
    const merged = await search(browser, server.url, SHARDS, query, {});
    const flatOne = await search(browser, server.url, ['/pagefind-whole/'], query, { pageLength: 0 });
    const flatMerged = await search(browser, server.url, SHARDS, query, { pageLength: 0 });
    const sameIds = new Set(one.results.map((r) => r.id));
    if (merged.results.some((r) => !sameIds.has(r.id))) throw new Error(`"${query}": the shards name pages otherwise`);
    const again = rescored(flatMerged);
    const preloading = chunkWords(['pagefind-whole', 'pagefind-shard-1', 'pagefind-shard-2'], query);
    const fullOne = await search(browser, server.url, ['/pagefind-whole/'], query, { pageLength: 0 }, preloading);
    const fullMerged = rescored(await search(browser, server.url, SHARDS, query, { pageLength: 0 }, preloading));
    rows.push([
      query,
      `${one.count} / ${merged.count}`,
      `${one.ms}, ${(one.bytes / 1024).toFixed(1)}`,
      `${merged.ms}, ${(merged.bytes / 1024).toFixed(1)}`,
      compare(one.results, merged.results),
      compare(flatOne.results, flatMerged.results),
      compare(flatOne.results, again),
      `${compare(fullOne.results, fullMerged)} (one index itself: ${compare(flatOne.results, fullOne.results)})`,
      `${largestDifference(flatOne.results, again).toExponential(1)}; ${largestDifference(fullOne.results, fullMerged).toExponential(1)}`,
    ]);
  }
} finally {
  await browser.close();
  await server.close();
}

const mb = (n: number) => (n / 2 ** 20).toFixed(2);
console.log(`${briefings.length} briefings, ${files.length} pages; halves of ${half} and ${briefings.length - half}`);
const described = (folder: string) => {
  const { pages, averageLength } = indexStats(folder);
  return `${mb(folderBytes(join(dist, folder)))} MB, ${pages} pages of ${averageLength.toFixed(1)} words on average`;
};
console.log(`one index: ${whole.pages} HTML files read in ${whole.ms} ms, ${described('pagefind-whole')}`);
shards.forEach((s, i) =>
  console.log(`shard ${i + 1}: ${s.pages} HTML files read in ${s.ms} ms, ${described(`pagefind-shard-${i + 1}`)}`),
);
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
for (const folder of ['pagefind-whole', 'pagefind-shard-1', 'pagefind-shard-2'])
  rmSync(join(dist, folder), { recursive: true, force: true });
