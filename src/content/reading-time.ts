// Reading time for a briefing reader: words / 230 per minute, rounded up, never below one minute.
import type { Root } from 'mdast';
import { textOf } from '../markdown/tree.ts';

const WORDS_PER_MINUTE = 230;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** The words a reader reads in a section's text (its parsed tree): headings, prose, quotations and notes. */
export function wordsOf(tree: Root): number {
  return countWords(textOf(tree));
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

export function formatMinutes(minutes: number): string {
  return `${minutes} min read`;
}
