// URLs that point at a passage: text fragments (`#:~:text=`) for a selection, and absolute URLs.

/** Percent-encodes a text directive term: `-`, `&` and `,` are syntax there and must be escaped too. */
export function encodeTextTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

const WORDS_EACH_SIDE = 4;
const MAX_EXACT_WORDS = 8;

const PREFIX_WORDS = 3;

/**
 * The text directive for a selection: the whole text when it is short and inside one block, else its
 * first and last words (`text=start,end`), which browsers match as a range. `before`, the text that
 * precedes the selection in its paragraph, becomes a prefix (`text=prefix-,…`) so that words which
 * also occur earlier on the page (in a heading, say) still lead to this passage.
 */
export function textDirective(selection: string, before = ''): string | null {
  const multiBlock = /\n/.test(selection.trim());
  const words = selection.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (!words.length) return null;
  const context = before.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean).slice(-PREFIX_WORDS).join(' ');
  const prefix = context ? `${encodeTextTerm(context)}-,` : '';
  if (!multiBlock && words.length <= MAX_EXACT_WORDS) return `text=${prefix}${encodeTextTerm(words.join(' '))}`;
  // Start and end never overlap: a short selection across blocks is split in two halves.
  const side = Math.min(WORDS_EACH_SIDE, Math.ceil(words.length / 2));
  const start = words.slice(0, side).join(' ');
  const end = words.slice(Math.max(side, words.length - WORDS_EACH_SIDE)).join(' ');
  return `text=${prefix}${encodeTextTerm(start)},${encodeTextTerm(end)}`;
}

/** `https://host/a/b/?x#old` + selection → `https://host/a/b/#:~:text=…` */
export function selectionUrl(pageUrl: string, selection: string, before = ''): string | null {
  const directive = textDirective(selection, before);
  if (!directive) return null;
  const url = new URL(pageUrl);
  return `${url.origin}${url.pathname}#:~:${directive}`;
}
