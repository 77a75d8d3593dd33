// Turning what a reader typed into what to search for and what to mark in the text.
// Pure functions, shared by the search page, the search dialog and the landing highlighter.
import { findAlias, type SearchAlias } from './aliases.ts';

export interface ParsedQuery {
  /** Quoted phrases, e.g. `"united front"` → `united front`. */
  phrases: string[];
  /** Single words outside quotes. */
  words: string[];
}

const MAX_QUERY_LENGTH = 300;

/** Splits a query into quoted phrases and loose words; an unbalanced quote quotes to the end. */
export function parseQuery(raw: string): ParsedQuery {
  const text = raw.slice(0, MAX_QUERY_LENGTH).replace(/[“”„]/g, '"');
  const phrases: string[] = [];
  const words: string[] = [];
  const parts = text.split('"');
  parts.forEach((part, i) => {
    const inQuotes = i % 2 === 1;
    const clean = part.replace(/\s+/g, ' ').trim();
    if (!clean) return;
    if (inQuotes && clean.includes(' ')) phrases.push(clean);
    else words.push(...clean.split(' '));
  });
  return { phrases, words: words.map(trimPunctuation).filter(Boolean) };
}

function trimPunctuation(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

export interface QueryPlan {
  /** Words Pagefind matches in the text (stemmed, as prefixes). */
  words: string[];
  /** Phrases the text must spell, as typed. */
  phrases: string[];
  /** Words that are aliases (UFWD, 统战部): a section answers to one when it prints the alias or what it means. */
  aliases: SearchAlias[];
}

/** What to search for: the phrases, the aliases among the words, and the other words. */
export function planQuery(raw: string, aliases: SearchAlias[]): QueryPlan {
  const { phrases, words } = parseQuery(raw);
  const plan: QueryPlan = { words: [], phrases, aliases: [] };
  for (const word of words) {
    const alias = findAlias(word, aliases);
    if (alias) {
      if (!plan.aliases.includes(alias)) plan.aliases.push(alias);
    } else if (!plan.words.some((w) => w.toLowerCase() === word.toLowerCase())) plan.words.push(word);
  }
  return plan;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern that marks, as whole words, each word form and phrase a result link names (`?highlight=`): in any
 * case, with either apostrophe, and any run of spaces or hyphens between a phrase's words. The forms come from the
 * text itself (the words search matched there), so nothing is matched by prefix here. Null when nothing to mark.
 */
export function highlightPattern(query: ParsedQuery): RegExp | null {
  const han = (text: string) => /\p{Script=Han}/u.test(text);
  const terms = [...query.phrases, ...query.words.filter((w) => w.length > 1 || han(w))].sort(
    (a, b) => b.length - a.length,
  );
  if (terms.length === 0) return null;
  const alternatives = terms.map((term) => {
    const body = term
      .split(' ')
      .map((word) => escapeRegExp(word).replace(/['’]/g, "['’]"))
      .join('[\\s\\u00a0-]+');
    // Chinese has no spaces between words: there a term may start anywhere.
    return han(term) ? body : `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`;
  });
  return new RegExp(alternatives.join('|'), 'giu');
}
