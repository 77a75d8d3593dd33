import { describe, expect, it } from 'vitest';
import { TITLE_WEIGHT, idf, libraryScore, titleBoost } from '../../tools/shard-rank';

// Pagefind's score of a page (ranking pageLength 0): Σ idf × term frequency, plus the title boost.
const pagefindScore = (frequencies: number[], inTitle: number[], idfs: number[]) =>
  frequencies.reduce((sum, f, i) => sum + idfs[i] * f, 0) + titleBoost(inTitle, idfs);

describe('re-scoring a shard’s results with the whole library’s idf', () => {
  it('computes idf as Pagefind does', () => {
    expect(idf(500, 57)).toBeCloseTo(Math.log(443.5 / 57.5 + 1), 6);
    // In single precision, as Pagefind's: for a word every page holds, 1 + 0.5 / 500.5 loses digits to rounding.
    expect(idf(500, 500)).toBe(Math.fround(Math.log(Math.fround(1 + Math.fround(0.5 / 500.5)))));
    expect(Math.abs(idf(500, 500) / Math.log(0.5 / 500.5 + 1) - 1)).toBeGreaterThan(1e-6);
  });

  it('boosts a title by its share of the query’s idf, squared', () => {
    expect(titleBoost([1], [2])).toBe(TITLE_WEIGHT * 2);
    expect(titleBoost([1, 0], [1, 3])).toBeCloseTo(TITLE_WEIGHT * 1 * (1 / 4) ** 2, 12);
    expect(titleBoost([0, 0], [1, 3])).toBe(0);
    // Two forms of the word in the title count its idf twice.
    expect(titleBoost([2], [2])).toBe(TITLE_WEIGHT * 4 * 2 ** 2);
  });

  it('gives one word’s score scaled by the library’s idf over the shard’s', () => {
    const shardIdfs = [idf(250, 30)];
    const libraryIdfs = [idf(500, 57)];
    for (const inTitle of [[0], [1], [2]]) {
      const score = pagefindScore([1.7], inTitle, shardIdfs);
      expect(libraryScore({ score, wordScores: [score], shardIdfs, libraryIdfs })).toBeCloseTo(
        pagefindScore([1.7], inTitle, libraryIdfs),
        10,
      );
    }
  });

  it.each([[[0, 0]], [[1, 0]], [[0, 1]], [[1, 1]], [[2, 1]]])(
    'gives a query of two words the library’s score, whichever words the title holds (how many forms of each): %j',
    (inTitle) => {
      const frequencies = [1.3, 0.6];
      const shardIdfs = [idf(250, 40), idf(250, 120)];
      const libraryIdfs = [idf(500, 70), idf(500, 260)];
      const wordScores = frequencies.map((f, i) => shardIdfs[i] * f + titleBoost([inTitle[i]], [shardIdfs[i]]));
      const score = pagefindScore(frequencies, inTitle, shardIdfs);
      expect(libraryScore({ score, wordScores, shardIdfs, libraryIdfs })).toBeCloseTo(
        pagefindScore(frequencies, inTitle, libraryIdfs),
        10,
      );
    },
  );
});
