// Which printed words are forms of the words a reader typed, and how closely. Pagefind stems every word and
// extends it as a prefix, so "united" also finds "unit" and "bots" finds "Both": those are its matches, but a
// reader would not call them the word. For each word Pagefind matched (its match locations in a result's text)
// this tells an exact form (case, apostrophes, accents, a plural or possessive ending: "influencers" for
// "influencer", "O’Keefe" for "O'Keefe") from another form of the word ("interfering" for "interference", a prefix
// as typed) and from a weak match ("unit" for "united", "Both" for "bots"). Exact forms rank first; weak matches are
// marked only where nothing better matched, and make search offer another spelling.

export const EXACT = 0;
export const FORM = 1;
export const WEAK = 2;
export type Tier = typeof EXACT | typeof FORM | typeof WEAK;

export interface WordMatch {
  tier: Tier;
  /** The characters of the printed token that match: the whole word, or one part of "Wolf-warrior" or "(PRC)—such". */
  start: number;
  end: number;
}

/** Letters and digits only, in lower case, without accents: how Pagefind compares words. */
export const foldWord = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]/gu, '');

/** Endings that make another form of a word (inflections and common derivations). */
const ENDINGS = new Set(
  'e s es ed ing ings er ers or ors ion ions ive ives ance ances ence ences ment ments al ally ly y ies ied ity ities ism isms ist ists ous ness ic ics ical ation ations ate ates ated ating ise ised ises ising ize ized izes izing able ible'.split(
    ' ',
  ),
);
/** Endings that leave the word itself: plural and possessive (apostrophes are folded away). */
const PLURAL = ['s', 'es'];

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
};

/**
 * How a folded typed word relates to a folded printed word, or null when it is no form of it at all. With
 * `prefix`, a printed word that merely starts with the typed one is a form too (the reader may still be typing).
 */
export function tierOf(typed: string, printed: string, prefix = true): Tier | null {
  if (!typed || !printed) return null;
  if (typed === printed) return EXACT;
  for (const ending of PLURAL) if (printed === typed + ending || typed === printed + ending) return EXACT;
  if (typed.endsWith('ies') && printed === `${typed.slice(0, -3)}y`) return EXACT;
  if (printed.endsWith('ies') && typed === `${printed.slice(0, -3)}y`) return EXACT;
  // A longer form (influence → influences, influenced), or a prefix as typed (Jos → Joske).
  if (printed.startsWith(typed)) return prefix || ENDINGS.has(printed.slice(typed.length)) ? FORM : null;
  const shared = commonPrefix(typed, printed);
  if (shared < 3) return null;
  if (typed.startsWith(printed)) return WEAK; // the typed word is longer: united → unit, sharpe → sharp
  const rest = [typed.slice(shared), printed.slice(shared)];
  return rest.every((r) => ENDINGS.has(r)) ? FORM : WEAK; // interfering ↔ interference; bots ↔ both
}

/**
 * The parts of a printed token to compare: each run of letters and digits in it, then the whole word. A part
 * comes first, so that "Journal’s" matches as "Journal" (the landing page finds the name inside its link) and
 * "Wolf-warrior" as "Wolf"; the whole word still matches "O’Keefe".
 */
function candidates(token: string): { folded: string; start: number; end: number }[] {
  const runs = [...token.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => ({
    folded: foldWord(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
  if (runs.length === 0) return [];
  const whole = { folded: foldWord(token), start: runs[0].start, end: runs.at(-1)!.end };
  return runs.length === 1 ? [whole] : [...runs, whole];
}

/** How a typed word matches a printed token (as Pagefind's text splits it at spaces), best first; null if not. */
export function matchWord(typed: string, token: string, prefix = true): WordMatch | null {
  const wanted = foldWord(typed);
  let best: WordMatch | null = null;
  for (const part of candidates(token)) {
    const tier = tierOf(wanted, part.folded, prefix);
    if (tier !== null && (!best || tier < best.tier)) best = { tier, start: part.start, end: part.end };
  }
  return best;
}

export type Span = [start: number, end: number];

/** A run of tokens that spells a phrase: each word the phrase's word or another form of it (not a mere prefix). */
export function phraseAt(tokens: string[], at: number, phrase: string[]): Span[] | null {
  if (at + phrase.length > tokens.length) return null;
  const spans: Span[] = [];
  for (const [i, word] of phrase.entries()) {
    const match = matchWord(word, tokens[at + i], false);
    if (!match || match.tier === WEAK) return null;
    spans.push([match.start, match.end]);
  }
  return spans;
}

export interface PageMatch {
  /** Marked characters, by token (location). */
  marks: Map<number, Span>;
  /** The worst of the typed words' best matches: the page's rank among equals. */
  tier: Tier;
  /** Typed words this page matches only weakly (or not at all). */
  weak: string[];
  /** For each of those, the words it matched here ("Both" for "bots"). */
  weakForms: Map<string, string[]>;
  /** The marked word forms and phrases as printed, for the landing page to mark. */
  forms: string[];
}

export interface MatchPlan {
  /** Loose words, matched by Pagefind (its locations say where). */
  words: string[];
  /** Phrases the text must spell (quoted by the reader), word lists. */
  phrases: string[][];
  /** Names an alias stands for, any of which the page spells; marked, not required here. */
  names: string[][];
}

/** The words a run of spans covers, as printed, one space apart ("United Front Work Department"). */
const spanText = (tokens: string[], at: number, spans: Span[]) =>
  spans.map(([start, end], i) => tokens[at + i].slice(start, end)).join(' ');

/**
 * What a result's text matches: from Pagefind's match locations for loose words (each word's best forms, and its
 * weak matches only when it has nothing better), and from the text itself for phrases and alias names.
 */
export function matchPage(tokens: string[], locations: number[], plan: MatchPlan): PageMatch {
  const marks = new Map<number, Span>();
  const forms = new Map<string, string>();
  // Each form once, whatever its case (the landing page marks it in any case): in lower case if printed so.
  const addForm = (form: string, quoted: boolean) => {
    const shown = quoted && form.includes(' ') ? `"${form}"` : form;
    const key = shown.toLowerCase();
    if (!forms.has(key) || shown === key) forms.set(key, shown);
  };
  // Loose words: each location goes to the typed word it matches best.
  const found = plan.words.map(() => [] as { at: number; match: WordMatch }[]);
  for (const at of new Set(locations)) {
    const token = tokens[at];
    if (token === undefined) continue;
    let bestWord = -1;
    let best: WordMatch | null = null;
    plan.words.forEach((word, i) => {
      const match = matchWord(word, token);
      if (match && (!best || match.tier < best.tier)) {
        best = match;
        bestWord = i;
      }
    });
    if (best) found[bestWord].push({ at, match: best });
  }
  let tier: Tier = EXACT;
  const weak: string[] = [];
  const weakForms = new Map<string, string[]>();
  plan.words.forEach((word, i) => {
    const bestTier = Math.min(WEAK, ...found[i].map((f) => f.match.tier)) as Tier;
    if (bestTier === WEAK) {
      weak.push(word);
      weakForms.set(word, [...new Set(found[i].map(({ at, match }) => tokens[at].slice(match.start, match.end)))]);
    }
    tier = Math.max(tier, bestTier) as Tier;
    for (const { at, match } of found[i]) {
      if (match.tier === WEAK && bestTier !== WEAK) continue;
      marks.set(at, [match.start, match.end]);
      addForm(tokens[at].slice(match.start, match.end), false);
    }
  });
  // Phrases and names: every place the text spells them.
  for (const [list, quoted] of [
    [plan.phrases, true],
    [plan.names, true],
  ] as const) {
    for (const phrase of list) {
      for (let at = 0; at < tokens.length; at++) {
        const spans = phraseAt(tokens, at, phrase);
        if (!spans) continue;
        spans.forEach((span, i) => marks.set(at + i, span));
        addForm(spanText(tokens, at, spans), quoted);
      }
    }
  }
  return { marks, tier, weak, weakForms, forms: [...forms.values()] };
}
