// Searching shards (Pagefind indexes built apart, searched together with mergeIndex) with the ranking one index of
// the whole library would give. Pagefind scores a page for a word with BM25: the word's idf (from how many pages of
// the index hold it, and how many pages the index has), times a term frequency that, unless the ranking option
// `pageLength` is 0, also weighs the page's length against the index's average page length; plus, for words in the
// page's title, a boost of 5 × their idf (scaled by how much of the query's idf they cover). Each shard uses its own
// counts and average, so mergeIndex, which sorts the shards' scores as they are, ranks near-ties differently.
//
// With `pageLength: 0` nothing of a score depends on the shard but the idf, and the idf is computed from counts a
// search returns: so each shard's score can be re-scored with the library's idf. For a query of several words, the
// share of each word comes from searching the shard for that word alone (its chunks are loaded already, so this
// fetches nothing); which words the title holds is the one choice that gives back the shard's own score.
// Pure functions: tools/bench-shards.ts re-ranks with them what its searches in the browser returned.

/** Pagefind's weight of a word in the title (its default `metaWeights`). */
export const TITLE_WEIGHT = 5;

/**
 * Pagefind's idf: ln((N − n + 0.5) / (n + 0.5) + 1), for n of N pages holding the word, in single precision step by
 * step as Pagefind computes it: for a word most pages hold, the sum is so near 1 that its rounding changes the idf
 * by up to a part in 10^4.
 */
export function idf(pages: number, holding: number): number {
  const f = Math.fround;
  return f(Math.log(f(f(f(pages - holding + 0.5) / f(holding + 0.5)) + 1)));
}

/**
 * Pagefind's boost for the query's words in the title: weight × idf found × (idf found / idf of the query)², where
 * each word of the title that matches adds its query word's idf (`inTitle[i]`: how many of them match word i).
 */
export function titleBoost(inTitle: number[], idfs: number[]): number {
  const found = idfs.reduce((sum, value, i) => sum + inTitle[i] * value, 0);
  const total = idfs.reduce((sum, value) => sum + value, 0);
  return found > 0 && total > 0 ? TITLE_WEIGHT * found * (found / total) ** 2 : 0;
}

export interface ShardScore {
  /** The page's score in its shard for the whole query. */
  score: number;
  /** Its score in its shard for each word of the query searched alone. */
  wordScores: number[];
  /** Each word's idf in the shard, and in the whole library (all shards' pages and counts summed). */
  shardIdfs: number[];
  libraryIdfs: number[];
}

/** How many title words may match one word of the query (different forms of it, "sovereign" and "sovereignty"). */
const MOST_IN_TITLE = 3;

/**
 * The page's score as one index of the whole library would give it (ranking with `pageLength: 0`). A word's score
 * alone is idf × its term frequency plus its title boost; the whole query's is the sum of idf × term frequency, plus
 * the title boost of the words the title holds, which are the ones that give back the shard's own score.
 */
export function libraryScore({ score, wordScores, shardIdfs, libraryIdfs }: ShardScore): number {
  const alone = (counts: number[], i: number) => titleBoost([counts[i]], [shardIdfs[i]]);
  let best = { error: Infinity, inTitle: [] as number[] };
  for (let choice = 0; choice < (MOST_IN_TITLE + 1) ** wordScores.length; choice++) {
    const inTitle = wordScores.map((_, i) => Math.floor(choice / (MOST_IN_TITLE + 1) ** i) % (MOST_IN_TITLE + 1));
    const predicted = wordScores.reduce((sum, s, i) => sum + s - alone(inTitle, i), 0) + titleBoost(inTitle, shardIdfs);
    const error = Math.abs(predicted - score);
    if (error < best.error) best = { error, inTitle };
  }
  const frequencies = wordScores.map((s, i) => (s - alone(best.inTitle, i)) / shardIdfs[i]);
  return frequencies.reduce((sum, f, i) => sum + libraryIdfs[i] * f, 0) + titleBoost(best.inTitle, libraryIdfs);
}
