// "Did you mean …?": the closest word of the library's own vocabulary (written at build time from the text
// Pagefind indexed, with how often each word occurs), split into one small file per first letter so that a
// suggestion fetches one file. Pure functions: the build writes the files, the browser reads them.
import { foldWord } from './match.ts';

/** One word of the vocabulary as printed most often, and how many times the library prints it. */
export type VocabularyEntry = [word: string, count: number];

/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment): "untied" is one
 * edit from "united", "uighur" one from "uyghur". Stops early, returning `max + 1`, once the distance exceeds `max`.
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const A = [...a];
  const B = [...b];
  let before = new Array<number>(B.length + 1).fill(0);
  let previous = B.map((_, j) => j + 1);
  previous.unshift(0);
  for (let i = 1; i <= A.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= B.length; j++) {
      const cost = A[i - 1] === B[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && A[i - 1] === B[j - 2] && A[i - 2] === B[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[B.length];
}

/** Short words allow one edit, longer ones two: a three-letter word is two edits from too many others. */
const allowedEdits = (word: string) => ([...word].length <= 4 ? 1 : 2);

type Candidate = { word: string; edits: number; liked: boolean; count: number };
const rank = (a: Candidate, b: Candidate) =>
  a.edits - b.edits || Number(b.liked) - Number(a.liked) || b.count - a.count || a.word.localeCompare(b.word);

/**
 * The vocabulary word closest to `typed`: fewest edits, then one of `prefer` (what search already found for it,
 * "sharp" for "sharpe"), then the most printed, then A–Z. `exclude` holds words that would change nothing (what it
 * already matched). Null when nothing is close enough.
 */
export function closestWord(
  typed: string,
  vocabulary: VocabularyEntry[],
  { exclude = [], prefer = [] }: { exclude?: string[]; prefer?: string[] } = {},
): string | null {
  const wanted = foldWord(typed);
  if (!wanted) return null;
  const skip = new Set([wanted, ...exclude.map(foldWord)]);
  const liked = new Set(prefer.map(foldWord));
  const max = allowedEdits(wanted);
  let best: Candidate | null = null;
  for (const [word, count] of vocabulary) {
    const folded = foldWord(word);
    if (skip.has(folded)) continue;
    const edits = editDistance(wanted, folded, max);
    if (edits > max) continue;
    const candidate = { word, edits, liked: liked.has(folded), count };
    if (!best || rank(candidate, best) < 0) best = candidate;
  }
  return best?.word ?? null;
}

/**
 * The vocabulary files, every one written even when empty, so that a suggestion fetches its file at once (no list of
 * them first, and never a 404): one per letter a–z, and one for words that start with a letter of another script
 * (in a library in English, a few names and aliases).
 */
export const VOCABULARY_KEYS = [...'abcdefghijklmnopqrstuvwxyz', 'other'];

/** The vocabulary file a word's suggestions are in: its first letter a–z, or `other`; none for a number. */
export function vocabularyKey(word: string): string | null {
  return keyOfFolded(foldWord(word));
}

function keyOfFolded(folded: string): string | null {
  const first = [...folded][0];
  // Numbers are no words to suggest (buildVocabulary leaves them out).
  if (!first || /^\p{N}/u.test(first)) return null;
  return /^[a-z]$/.test(first) ? first : 'other';
}

/** Calls `use` with each word of a token the vocabulary holds (the word, and each part of a hyphenated one). */
function eachVocabularyWord(token: string, use: (word: string, folded: string) => void) {
  const accept = (word: string) => {
    const folded = foldWord(word);
    // Numbers and single letters are no words to suggest.
    if ([...folded].length >= 2 && !/^\p{N}/u.test(folded)) use(word, folded);
  };
  const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/[’']s$/u, '');
  if (!word) return;
  accept(word);
  const parts = word.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (parts.length > 1) parts.forEach(accept);
}

// Sorted by code point, not by locale: the files must come out the same on every machine.
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The vocabulary files the texts' words are in: the keys of `buildVocabulary(texts, extraTerms)`, found without
 * counting the words, each distinct token looked at once (a briefing's offline set holds the files its words need).
 */
export function vocabularyKeysOf(texts: string[], extraTerms: string[] = []): string[] {
  const keys = new Set<string>();
  const seen = new Set<string>();
  const add = (_word: string, folded: string) => keys.add(keyOfFolded(folded)!);
  for (const text of texts)
    for (const token of text.split(/\s+/)) {
      if (seen.has(token)) continue;
      seen.add(token);
      eachVocabularyWord(token, add);
    }
  for (const term of extraTerms) eachVocabularyWord(term, add);
  return [...keys].sort(byCode);
}

/**
 * The library's words grouped into vocabulary files: every word Pagefind indexed (and each part of a hyphenated
 * one), printed as most often, with how often; plus the search aliases, so that "UFW" suggests "UFWD".
 */
export function buildVocabulary(texts: string[], extraTerms: string[] = []): Map<string, VocabularyEntry[]> {
  const counts = new Map<string, Map<string, number>>();
  const add = (word: string, folded: string) => {
    const forms = counts.get(folded) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + 1);
    counts.set(folded, forms);
  };
  for (const text of texts) for (const token of text.split(/\s+/)) eachVocabularyWord(token, add);
  for (const term of extraTerms) eachVocabularyWord(term, add);
  const files = new Map<string, VocabularyEntry[]>();
  for (const forms of counts.values()) {
    const total = [...forms.values()].reduce((a, b) => a + b, 0);
    // The form printed most often; on a tie, lower case ("the" rather than "The").
    const [shown] = [...forms.entries()].sort((a, b) => b[1] - a[1] || byCode(b[0], a[0]))[0];
    const key = vocabularyKey(shown)!;
    files.set(key, [...(files.get(key) ?? []), [shown, total]]);
  }
  for (const list of files.values()) list.sort((a, b) => b[1] - a[1] || byCode(a[0], b[0]));
  return new Map([...files.entries()].sort(([a], [b]) => byCode(a, b)));
}
