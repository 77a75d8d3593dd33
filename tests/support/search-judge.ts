// Whether a listed result holds the words of a query, judged on the section's text as its reader sees it: every
// loose word in the same form or another form of it (a plural, "interfering" for "interference", a prefix as
// typed), every quoted phrase spelled out, and for an alias (UFWD, 统战部) the alias or a name it stands for.
// A weak match ("unit" for "united", "influence" for "influencer", "Both" for "bots") counts only when asked
// for. Used by the search-quality test and the benchmark, for both sites.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchWord, phraseAt, FORM, WEAK } from '../../src/search/match.ts';
import { planQuery } from '../../src/search/query.ts';
import type { SearchAlias } from '../../src/search/aliases';
import { articleText } from './article-text.ts';
import { DIST, SECTION_SLUGS } from './dist.ts';
import { SECTIONS } from './judged-queries.ts';

const SLUG_OF: Record<string, string> = {
  [SECTIONS.ufwd]: 'united-front-work-department',
  [SECTIONS.wolf]: 'wolf-warrior-amplification',
  [SECTIONS.sharp]: 'sharp-power',
  [SECTIONS.joske]: 'joske-recommendations',
  [SECTIONS.webinar]: 'rwchr-event',
};

export function searchAliases(root = DIST): SearchAlias[] {
  return JSON.parse(readFileSync(join(root, 'search-aliases.json'), 'utf8')) as SearchAlias[];
}

const texts = new Map<string, string[]>();
/** A section's words as printed (split at spaces), by its title. */
function tokensOf(title: string): string[] {
  const slug = SLUG_OF[title] ?? SECTION_SLUGS.find((s) => s === title);
  if (!slug) throw new Error(`no section titled “${title}”`);
  if (!texts.has(slug)) texts.set(slug, articleText(slug).split(' '));
  return texts.get(slug)!;
}

const spells = (tokens: string[], phrase: string) => {
  const words = phrase.split(' ');
  return tokens.some((_, at) => phraseAt(tokens, at, words) !== null);
};

export function holdsTheWords(title: string, query: string, aliases: SearchAlias[], { weak = false } = {}): boolean {
  const tokens = tokensOf(title);
  const plan = planQuery(query, aliases);
  const worst = weak ? WEAK : FORM;
  return (
    plan.words.every((word) => tokens.some((token) => (matchWord(word, token)?.tier ?? 9) <= worst)) &&
    plan.phrases.every((phrase) => spells(tokens, phrase)) &&
    plan.aliases.every((alias) => [alias.term, ...alias.means].some((name) => spells(tokens, name)))
  );
}
