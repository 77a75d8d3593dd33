// Turning what a reader typed into what to find and what to mark in the text.
// Pure functions, shared by the search page, the search dialog and the landing highlighter.

export interface ParsedQuery {
  /** Quoted phrases, e.g. `"united front"` → `united front`. */
  phrases: string[];
  /** Single words outside quotes. */
  words: string[];
}

export interface SearchAlias {
  term: string;
  means: string[];
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

/** Adds what each alias stands for: `UFWD` → the phrase `United Front Work Department`. */
export function expandAliases(query: ParsedQuery, aliases: SearchAlias[]): ParsedQuery {
  const phrases = [...query.phrases];
  const words: string[] = [];
  for (const word of query.words) {
    const alias = aliases.find((a) => a.term.toLowerCase() === word.toLowerCase());
    if (!alias) {
      words.push(word);
      continue;
    }
    for (const meaning of alias.means) (meaning.includes(' ') ? phrases : words).push(meaning);
    words.push(word);
  }
  return { phrases, words };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern that marks every phrase exactly (any run of spaces or hyphens between its words) and
 * every word at the start of a word, so `influence` also marks `influences` as the index does.
 * Returns null when there is nothing to mark.
 */
export function highlightPattern(query: ParsedQuery): RegExp | null {
  const han = (text: string) => /\p{Script=Han}/u.test(text);
  const terms = [...query.phrases, ...query.words.filter((w) => w.length > 1 || han(w))].sort(
    (a, b) => b.length - a.length,
  );
  if (terms.length === 0) return null;
  const alternatives = terms.map((term) => {
    const body = term.split(' ').map(escapeRegExp).join('[\\s\\u00a0-]+');
    // Chinese has no spaces between words: there a term may start anywhere.
    return han(term) ? body : `(?<![\\p{L}\\p{N}])${body}[\\p{L}\\p{N}]*`;
  });
  return new RegExp(alternatives.join('|'), 'giu');
}
