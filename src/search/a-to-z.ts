// The A–Z index of key terms and headings that /search/ shows without JavaScript (and with it, while the box is
// empty).

export interface IndexEntry {
  label: string;
  /** What the label stands for, shown after it in brackets ("UFWD (United Front Work Department)"). */
  gloss?: string;
  /** The language of a label in another script (zh-Hans), so it is read and drawn as such. */
  lang?: string;
  href: string;
  /** Where it leads, e.g. the section title, or what it is ("Person"). */
  context: string;
}

export interface IndexLetter {
  letter: string;
  entries: IndexEntry[];
}

const sortKey = (label: string) =>
  label
    .normalize('NFKD')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/^(the|a|an)\s+/i, '')
    .toLowerCase();

/** The group of names written in Chinese characters. */
export const CHINESE = '中文';

/** The anchor of a letter's group; `#` (numbers and symbols) is no valid id character. */
export const letterId = (letter: string) =>
  letter === '#' ? 'index-numbers' : letter === CHINESE ? 'index-chinese' : `index-${letter}`;

/** A letter's part of the index's addresses: `a`, `numbers`, `chinese` (/terms/a/). */
export const letterSlug = (letter: string) =>
  letter === '#' ? 'numbers' : letter === CHINESE ? 'chinese' : letter.toLowerCase();

/** Groups entries by first letter (ignoring leading articles and quotes), each group sorted A–Z. */
export function groupAToZ(entries: IndexEntry[]): IndexLetter[] {
  const groups = new Map<string, IndexEntry[]>();
  for (const entry of [...entries].sort(
    (a, b) => sortKey(a.label).localeCompare(sortKey(b.label)) || a.context.localeCompare(b.context),
  )) {
    const first = sortKey(entry.label).charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : /\p{Script=Han}/u.test(first) ? CHINESE : '#';
    groups.set(letter, [...(groups.get(letter) ?? []), entry]);
  }
  return [...groups.entries()].map(([letter, list]) => ({ letter, entries: list }));
}
