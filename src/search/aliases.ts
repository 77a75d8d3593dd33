// Search aliases: what readers type (UFWD, CCP, 统战部) for what the briefings print (United Front Work
// Department, Chinese Communist Party). They come from the entities' aliases and other names
// (content/<briefing>/entities.yaml) and from content/search-aliases.yaml, for variants that name no entity
// (PRC, Covid). A search expands them in the browser: a section answers to an alias when its own text prints
// the alias or what it stands for, never because of hidden text.
import type { Entity } from '../model/schemas';

export interface SearchAlias {
  /** What readers type, as written: one word (an abbreviation, a name in Chinese). */
  term: string;
  /** What the text prints for it: the names to find and mark, longest first. */
  means: string[];
  /** The language tag of a term in another script (zh-Hans), for the A–Z index. */
  lang?: string;
}

/** Case, apostrophes and spacing folded, as readers type them: “O'Keefe” finds “O’Keefe”. */
const foldTerm = (text: string) =>
  text.normalize('NFKC').toLocaleLowerCase('en').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Curly apostrophes as straight ones, in the text searched as in the phrases (folded by foldTerm). */
const straightApostrophes = (text: string) => text.replace(/[‘’]/g, "'");

/** Each phrase's pattern, compiled once a build: every section's text is tried against every alias. */
const phrasePatterns = new Map<string, RegExp>();
function phrasePattern(phrase: string): RegExp {
  let pattern = phrasePatterns.get(phrase);
  if (!pattern) {
    const body = foldTerm(phrase).split(' ').map(escapeRegExp).join('[\\s\\u00a0-]+');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
    phrasePatterns.set(phrase, pattern);
  }
  return pattern;
}

/** Whether `text` prints `phrase` as whole words, in any case, with any spacing or hyphen between its words. */
export function printsPhrase(text: string, phrase: string): boolean {
  return phrasePattern(phrase).test(straightApostrophes(text));
}

/** A one-word term a reader can type; longer names are found by their words. */
const isTerm = (name: string) => /^\S+$/.test(name);

/**
 * The library's search aliases. An entity's one-word aliases and other names stand for everything it is printed
 * as (its name and aliases); an entry of the aliases file whose term is one of those adds what it means to that
 * entity's (CCP: "Communist Party"), so 中共 finds what CCP finds. Other entries stand for what they mean.
 */
export function buildSearchAliases(
  entities: Entity[],
  fileAliases: { term: string; means: string[] }[],
): SearchAlias[] {
  const groups: { terms: { term: string; lang?: string }[]; printed: string[] }[] = [];
  const seen = new Set<string>();
  for (const entity of entities) {
    if (seen.has(entity.slug)) continue;
    seen.add(entity.slug);
    groups.push({
      terms: [
        ...entity.aliases.filter(isTerm).map((term) => ({ term })),
        ...entity.otherNames.map((o) => ({ term: o.name, lang: o.lang })),
      ],
      // "Chinese Communist Party (CCP)" is a spelling to find mentions by; search finds its words already.
      printed: [entity.name, ...entity.aliases].filter((name) => !/[()]/.test(name)),
    });
  }
  for (const { term, means } of fileAliases) {
    const group = groups.find((g) => g.terms.some((t) => foldTerm(t.term) === foldTerm(term)));
    if (group) group.printed.push(...means);
    else groups.push({ terms: [{ term }], printed: means });
  }
  // Sorted by code point, not by locale, so that every machine writes the same file.
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const aliases: SearchAlias[] = [];
  for (const group of groups) {
    for (const { term, lang } of group.terms) {
      const means = [...new Set(group.printed.filter((m) => foldTerm(m) !== foldTerm(term)))].sort(
        (a, b) => b.length - a.length || byCode(a, b),
      );
      aliases.push({ term, means, ...(lang ? { lang } : {}) });
    }
  }
  return aliases.sort((a, b) => byCode(a.term, b.term));
}

/** The alias terms a text answers to: those it prints, or whose meanings it prints. */
export function aliasesIn(text: string, aliases: SearchAlias[]): string[] {
  const straight = straightApostrophes(text);
  return aliases.filter((a) => [a.term, ...a.means].some((m) => phrasePattern(m).test(straight))).map((a) => a.term);
}

/** The alias a typed word is, if any: case and apostrophes aside. */
export function findAlias(word: string, aliases: SearchAlias[]): SearchAlias | undefined {
  const key = foldTerm(word);
  return aliases.find((a) => foldTerm(a.term) === key);
}
