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
  const phrasePatterns = query.phrases.map((p) => p.split(' ').map(escapeRegExp).join('[\\s\\u00a0-]+'));
  const wordPatterns = query.words.filter((w) => w.length > 1 || /\p{Script=Han}/u.test(w)).map(escapeRegExp);
  const all = [...phrasePatterns, ...wordPatterns].sort((a, b) => b.length - a.length);
  if (all.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${all.join('|')})[\\p{L}\\p{N}]*`, 'giu');
}

/** The text to send to Pagefind: aliases expanded into the words they stand for. */
export function searchText(raw: string, aliases: SearchAlias[]): string {
  const parsed = parseQuery(raw);
  const hasAlias = parsed.words.some((w) => aliases.some((a) => a.term.toLowerCase() === w.toLowerCase()));
  if (!hasAlias) return raw.slice(0, MAX_QUERY_LENGTH).trim();
  const expanded = parsed.words.map(
    (w) => aliases.find((a) => a.term.toLowerCase() === w.toLowerCase())?.means[0] ?? w,
  );
  return [...parsed.phrases.map((p) => `"${p}"`), ...expanded].join(' ');
}
