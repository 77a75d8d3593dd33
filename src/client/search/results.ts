// Search in the browser, for the dialog and /search/ alike: Pagefind's JavaScript API (its own `pagefind.js`
// and WebAssembly, loaded on first use, on the main thread) under our own rules, and our result list.
// - Every word of the query must match (Pagefind alone drops a word that matches nothing: "untied front" would
//   list every section with "front"); a quoted phrase must be spelled; an alias (UFWD, 统战部) matches the
//   sections that print it or what it stands for (a Pagefind filter the build computes from each section's text).
// - Results come ten at a time; a result's text (its Pagefind fragment) is fetched only when its card is shown.
//   Within each ten, sections with the exact words come before those with other forms or weak matches.
// - A card shows the section, its briefing, an excerpt of its text and every heading that matches, the words
//   Pagefind matched marked; its links carry those word forms (`?highlight=`) for the landing page to mark.
// - A word that matches nothing, or only weakly, gets "Did you mean …?" from the library's vocabulary.
import { foldWord, matchPage, type PageMatch } from '../../search/match';
import { placesOf, type Anchor, type Excerpt } from '../../search/excerpt';
import { closestWord, vocabularyKey, type VocabularyEntry } from '../../search/suggest';
import { planQuery, type QueryPlan } from '../../search/query';
import type { SearchAlias } from '../../search/aliases';
import { pagefindFilters, resultCountMessage } from '../../search/state';
import { offlineBriefings } from '../offline/state';

interface ResultData {
  url: string;
  content: string;
  anchors: Anchor[];
  filters: Record<string, string[] | undefined>;
  meta: Record<string, string | undefined>;
}

interface Hit {
  id: string;
  /** Where the words matched in the result's text (word positions, as Pagefind splits it at spaces). */
  words: number[];
  data(): Promise<ResultData>;
}

type Counts = Record<string, Record<string, number>>;

interface SearchResponse {
  results: Hit[];
  unfilteredResultCount: number;
  /** How many of these results each filter value has (with every loaded filter's values). */
  filters: Counts;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: object }): Promise<SearchResponse>;
  /** Fetches what a search would need (its words' and filters' chunks) without running it; `null`: filters only. */
  preload(term: string | null, options?: { filters?: object }): Promise<void>;
  destroy(): Promise<void>;
}

const PAGE_SIZE = 10;
/** Words of an excerpt. */
const EXCERPT_LENGTH = 26;

const base = () => document.body.dataset.base ?? '/';
const bundle = () => document.body.dataset.pagefindBundle ?? '/pagefind/';

let loading: Promise<Pagefind> | undefined;
/** The filters fetched so far, by name (`loadFilters`). */
const filtersLoading = new Map<string, Promise<void>>();

/**
 * Starts fetching Pagefind's WebAssembly (named for the index's one language, English) now, beside its script:
 * Pagefind itself asks for it only once its script has run and its entry file has come. The search page's HTML
 * has the same preload link.
 */
function preloadWasm(): void {
  const href = `${bundle()}wasm.en.pagefind`;
  if ([...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"]')].some((l) => l.href.endsWith(href))) return;
  // As Pagefind fetches it (fetch(), CORS mode), or the preload is not used.
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href });
  link.crossOrigin = 'anonymous';
  document.head.append(link);
}

/** Pagefind's API, imported and set up once. No worker: for an index this size the main thread is faster to
 * start and saves a download. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    preloadWasm();
    const pagefind = (await import(/* @vite-ignore */ `${bundle()}pagefind.js`)) as Pagefind;
    // Pagefind's own ranking already counts a word in the title (5×) or a heading (h2 6², h3 5²) far above one in
    // passing; what it cannot tell apart (one stem for "unit" and "united") the result list sorts out.
    await pagefind.options({ baseUrl: base(), noWorker: true });
    await pagefind.init();
    return pagefind;
  })().catch((error: unknown) => {
    loading = undefined; // the next search tries again
    throw error;
  });
  return loading;
}

/**
 * After a search that failed: Pagefind keeps a failed start (its WebAssembly or index files unreachable) for good,
 * so it is dropped, with the filters it had loaded, and the next search starts it again. A preload is used by the
 * first fetch of its file, even when it failed: that fetch is made here, so that Pagefind's goes to the network.
 */
async function restartPagefind(): Promise<void> {
  const failed = loading;
  loading = undefined;
  filtersLoading.clear();
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][href$="wasm.en.pagefind"]')) {
    link.remove();
    await fetch(link.href).catch(() => undefined);
  }
  await (await failed?.catch(() => undefined))?.destroy().catch(() => undefined);
}

let aliasLoading: Promise<SearchAlias[]> | undefined;

/** The library's search aliases (written by the build from the entities and content/search-aliases.yaml). */
function loadAliases(): Promise<SearchAlias[]> {
  aliasLoading ??= fetch(`${base()}search-aliases.json`)
    .then((response) => (response.ok ? (response.json() as Promise<SearchAlias[]>) : []))
    .catch(() => {
      aliasLoading = undefined;
      return [];
    });
  return aliasLoading;
}

/** Starts loading Pagefind and the aliases ahead of the first search; a failure is reported by that search. */
export function preloadPagefind(): void {
  loadPagefind().catch(() => undefined);
  void loadAliases();
}

const vocabularies = new Map<string, Promise<VocabularyEntry[]>>();

/** One vocabulary file (the words that start with one letter), fetched once: the one request a suggestion makes. */
async function vocabulary(word: string): Promise<VocabularyEntry[]> {
  const key = vocabularyKey(word);
  if (!key) return [];
  if (!vocabularies.has(key))
    vocabularies.set(
      key,
      fetch(`${bundle()}vocabulary/${key}.json`)
        .then((response) => (response.ok ? (response.json() as Promise<VocabularyEntry[]>) : []))
        .catch(() => {
          vocabularies.delete(key); // offline or a failed request: the next suggestion tries again
          return [];
        }),
    );
  return vocabularies.get(key)!;
}

/** What a word that matched weakly did match: what not to suggest again, and what to prefer. */
export interface WeakMatches {
  exclude: string[];
  prefer: string[];
}

/** The query with each of `words` replaced by the closest word of the vocabulary, or null when none has one. */
async function suggestion(term: string, words: string[], matched: Map<string, WeakMatches>): Promise<string | null> {
  let fixed = term;
  let changed = false;
  for (const word of words) {
    const better = closestWord(word, await vocabulary(word), matched.get(word));
    if (!better) continue;
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    fixed = fixed.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu'), better);
    changed = true;
  }
  return changed ? fixed : null;
}

/**
 * Fetches the named filters (each once); from then on every search counts its results by their values. Only these:
 * Pagefind's own `filters()` fetches every filter, and at 1,000 briefings the section filter alone is 80 KB and
 * makes every search count 5,000 values.
 */
async function loadFilters(pagefind: Pagefind, names: string[]): Promise<void> {
  const missing = names.filter((name) => !filtersLoading.has(name));
  if (missing.length > 0) {
    const loading = pagefind.preload(null, { filters: Object.fromEntries(missing.map((name) => [name, []])) });
    for (const name of missing) filtersLoading.set(name, loading);
  }
  await Promise.all(names.map((name) => filtersLoading.get(name)));
}

/** Every value of the named filters, with how many sections have it (fetching those filters only). */
export async function filterValues(names: string[]): Promise<Counts> {
  const pagefind = await loadPagefind();
  await loadFilters(pagefind, names);
  const counts = (await pagefind.search(null)).filters;
  return Object.fromEntries(names.filter((name) => counts[name]).map((name) => [name, counts[name]]));
}

/** The sections (by their filter value) among a response's results. */
const sectionsOf = (response: SearchResponse) =>
  Object.entries(response.filters.section ?? {})
    .filter(([, n]) => n > 0)
    .map(([value]) => value);

export interface Found {
  hits: Hit[];
  /** Results by filter value, for the words searched (the reader's own filters aside). */
  counts: Counts;
  /** Typed words that match nothing. */
  missing: string[];
}

/**
 * Runs a query: each quoted phrase and each alias becomes a condition on the sections (a filter), the other
 * words are Pagefind's search, and every one of them must match.
 */
async function find(pagefind: Pagefind, plan: QueryPlan, chosen: Record<string, string[]>): Promise<Found> {
  const conditions: object[] = [];
  const none = { hits: [], counts: {}, missing: [] };
  if (plan.phrases.length > 0) {
    await loadFilters(pagefind, ['section']);
    for (const phrase of plan.phrases) {
      const sections = sectionsOf(await pagefind.search(`"${phrase}"`));
      if (sections.length === 0) return none;
      conditions.push({ section: { any: sections } });
    }
  }
  for (const alias of plan.aliases) conditions.push({ alias: alias.term });
  // Pagefind searches only the words it finds: one that matches nothing must make the whole query match nothing.
  if (plan.words.length > 1 || (plan.words.length === 1 && conditions.length > 0)) {
    const missing: string[] = [];
    for (const word of plan.words) if ((await pagefind.search(word)).unfilteredResultCount === 0) missing.push(word);
    if (missing.length > 0) return { ...none, missing };
  }
  const user = pagefindFilters(chosen);
  const withUser = Object.keys(user).length > 0;
  const filtersFor = (list: object[]) => (list.length === 0 ? {} : list.length === 1 ? list[0] : { all: list });
  const all = filtersFor(withUser ? [...conditions, user] : conditions);
  const rankTerm = [...plan.words, ...plan.phrases].join(' ');
  if (rankTerm) {
    const main = await pagefind.search(rankTerm, { filters: all });
    if (main.results.length === 0 && plan.words.length === 1 && conditions.length === 0 && !withUser)
      return { ...none, missing: plan.words };
    const counts = withUser
      ? (await pagefind.search(rankTerm, { filters: filtersFor(conditions) })).filters
      : main.filters;
    return { hits: main.results, counts, missing: [] };
  }
  if (conditions.length === 0) {
    // Filters alone: every section they allow, counted among all sections.
    return {
      hits: (await pagefind.search(null, { filters: all })).results,
      counts: (await pagefind.search(null)).filters,
      missing: [],
    };
  }
  // Aliases alone: the sections that print them, those that print the alias itself first (a quoted word is
  // matched exactly: unquoted, Pagefind would take "aspi" for "as"), then each of its names, by Pagefind's rank.
  const every = await pagefind.search(null, { filters: all });
  const order: string[] = [];
  for (const alias of plan.aliases) {
    const printed = new Set((await pagefind.search(`"${alias.term}"`, { filters: all })).results.map((h) => h.id));
    for (const [i, term] of [alias.term, ...alias.means].entries())
      for (const hit of (await pagefind.search(term, { filters: all })).results)
        if (!order.includes(hit.id) && (i > 0 || printed.has(hit.id))) order.push(hit.id);
  }
  const rank = (hit: Hit) => (order.includes(hit.id) ? order.indexOf(hit.id) : order.length);
  const hits = [...every.results].sort((a, b) => rank(a) - rank(b));
  const counts = withUser ? (await pagefind.search(null, { filters: filtersFor(conditions) })).filters : every.filters;
  return { hits, counts, missing: [] };
}

/** The result URL with the word forms to mark on landing, as one `highlight` parameter. */
function withHighlight(url: string, forms: string[]): string {
  const parsed = new URL(url, window.location.href);
  parsed.searchParams.delete('highlight');
  if (forms.length > 0) parsed.searchParams.set('highlight', forms.join(' '));
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** A new element with an optional class and text (as text: never parsed as markup). */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A finder for the parts of one piece of markup known to hold them (the search dialog, the search page). */
export const partsOf =
  (root: ParentNode) =>
  <T extends Element>(selector: string) =>
    root.querySelector<T>(selector)!;

function excerptElement(excerpt: Excerpt): HTMLParagraphElement {
  const p = element('p', 'result-excerpt');
  for (const run of excerpt.runs) p.append(run.mark ? element('mark', '', run.text) : run.text);
  return p;
}

export interface Shown {
  data: ResultData;
  hit: Hit;
  match: PageMatch;
}

/** What a result matches, from its text and the places Pagefind matched there. */
function matchResult(data: ResultData, hit: Hit, plan: QueryPlan): PageMatch {
  const tokens = data.content.split(/[\r\n\s]+/g);
  const phraseWords = plan.phrases.map((p) => p.split(' '));
  // A phrase's words are searched too (for ranking), but only the phrase itself is marked.
  const loose = plan.words.filter((w) => !phraseWords.some((p) => p.some((x) => foldWord(x) === foldWord(w))));
  return matchPage(tokens, hit.words, {
    words: loose,
    phrases: phraseWords,
    names: plan.aliases.flatMap((a) => [a.term, ...a.means].map((name) => name.split(' '))),
  });
}

/** A result card: the section title, its briefing, an excerpt, then every heading of the section that matches. */
function resultCard({ data, match }: Shown): HTMLLIElement {
  const item = element('li', 'result');
  const link = element('a', 'result-link', data.meta.title ?? 'Untitled');
  link.href = withHighlight(data.url, match.forms);
  const title = element('p', 'result-title');
  title.append(link);
  item.append(title);
  const briefing = data.filters.briefing?.[0];
  if (briefing) item.append(element('p', 'result-briefing', briefing));
  const tokens = data.content.split(/[\r\n\s]+/g);
  const titleWords = (data.meta.title ?? '').split(/\s+/).filter(Boolean).length;
  const [page, ...headings] = placesOf(tokens, data.anchors ?? [], match.marks, {
    titleWords,
    length: EXCERPT_LENGTH,
  });
  if (page.excerpt.runs.length > 0) item.append(excerptElement(page.excerpt));
  if (headings.length > 0) {
    const list = element('ul', 'result-headings');
    for (const place of headings) {
      const li = element('li', 'result-heading');
      const a = element('a', 'result-heading-link', place.heading!.text);
      a.href = withHighlight(`${data.url.split('#')[0]}#${place.heading!.id}`, match.forms);
      li.append(a);
      if (place.excerpt.runs.length > 0) li.append(excerptElement(place.excerpt));
      list.append(li);
    }
    item.append(list);
  }
  return item;
}

export interface ResultsView {
  status: HTMLElement;
  list: HTMLElement;
  more: HTMLButtonElement;
  /** Where "Did you mean …?" goes. */
  suggest: HTMLElement;
  /** The corrected query as a control: a button in the dialog, a link on /search/. */
  suggestControl: (query: string) => HTMLElement;
}

export interface Outcome {
  term: string;
  count: number;
  /** Results for the words searched, by filter value. */
  counts: Counts;
}

const NOTHING_SAVED =
  'You are offline, and no briefing is saved on this device, so search is not available. Online, “Save for offline” on a briefing keeps it and its search.';

/** The briefing filter offline: the reader's own choice among the saved briefings, else every saved one. */
function onlySaved(chosen: string[] | undefined, saved: string[]): string[] {
  const among = chosen?.length ? chosen.filter((title) => saved.includes(title)) : saved;
  // No saved briefing chosen: a value no section has, so that nothing matches (an empty filter would match all).
  return among.length ? among : ['\u0000'];
}

/** The reader's filters, narrowed offline to the briefings saved on this device (`saved`; null online). */
const scopedTo = (filters: Record<string, string[]>, saved: string[] | null) =>
  saved ? { ...filters, briefing: onlySaved(filters.briefing, saved) } : filters;

/** Typed words that leave nothing to search for ("🐺🐺": no letter or digit) match nothing, not every section. */
const findOrNothing = (pagefind: Pagefind, term: string, plan: QueryPlan, filters: Record<string, string[]>) =>
  term && plan.words.length + plan.phrases.length + plan.aliases.length === 0
    ? Promise.resolve<Found>({ hits: [], counts: {}, missing: [] })
    : find(pagefind, plan, filters);

/**
 * Results by filter value for a query (the reader's own filters aside), as `search` counts them, with nothing shown:
 * for filters opened after the search ran, whose values that search did not count.
 */
export async function countsFor(term: string, filters: Record<string, string[]>): Promise<Counts> {
  const saved = await offlineBriefings().catch(() => []);
  if (saved?.length === 0) return {};
  const [pagefind, aliases] = await Promise.all([loadPagefind(), loadAliases()]);
  return (await findOrNothing(pagefind, term, planQuery(term, aliases), scopedTo(filters, saved))).counts;
}

const offlineNote = (saved: string[]) =>
  ` You are offline: searched ${saved.length === 1 ? 'the one briefing' : `the ${saved.length} briefings`} saved on this device; briefings not saved are not available until you are back online.`;

/**
 * Runs searches into a view: the count in the status line (a live region), the first ten cards in the list,
 * and a "Show more results" button for the rest. A newer search makes an older one stop where it is.
 */
export function resultsInto(view: ResultsView) {
  let current = 0;
  let pending: Hit[] = [];
  let plan: QueryPlan = { words: [], phrases: [], aliases: [] };

  async function showMore(focusFirst: boolean): Promise<Shown[] | null> {
    const run = current;
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    view.more.disabled = true; // one batch at a time, so results stay in order
    const data = await Promise.all(batch.map((hit) => hit.data()));
    view.more.disabled = false;
    if (run !== current) return null;
    const shown = data.map((d, i) => ({ data: d, hit: batch[i], match: matchResult(d, batch[i], plan) }));
    // The exact words first, then other forms, then weak matches; Pagefind's order within each.
    shown.sort((a, b) => a.match.tier - b.match.tier);
    const cards = shown.map(resultCard);
    view.list.append(...cards);
    view.more.hidden = pending.length === 0;
    view.more.textContent = `Show more results (${pending.length} more)`;
    if (focusFirst) cards[0]?.querySelector('a')?.focus();
    return shown;
  }
  view.more.addEventListener('click', () => void showMore(true));

  async function offerSuggestion(run: number, term: string, words: string[], matched: Map<string, WeakMatches>) {
    const fixed = words.length > 0 ? await suggestion(term, words, matched) : null;
    if (run !== current || !fixed) return;
    view.suggest.replaceChildren('Did you mean ', view.suggestControl(fixed), '?');
    view.suggest.hidden = false;
  }

  return async function search(term: string, filters: Record<string, string[]>): Promise<Outcome | null> {
    const run = ++current;
    view.suggest.hidden = true;
    view.suggest.replaceChildren();
    const withFilters = Object.keys(filters).length > 0;
    if (!term && !withFilters) {
      view.list.replaceChildren();
      view.more.hidden = true;
      view.status.textContent = view.status.dataset.idle ?? '';
      return { term, count: 0, counts: {} };
    }
    let found: Found;
    // Offline, only the briefings saved on this device can be searched: the search is narrowed to them, and says so.
    const saved = await offlineBriefings().catch(() => []);
    if (run !== current) return null;
    if (saved?.length === 0) {
      view.list.replaceChildren();
      view.more.hidden = true;
      view.status.textContent = NOTHING_SAVED;
      return null;
    }
    try {
      const [pagefind, aliases] = await Promise.all([loadPagefind(), loadAliases()]);
      if (run !== current) return null;
      plan = planQuery(term, aliases);
      found = await findOrNothing(pagefind, term, plan, scopedTo(filters, saved));
    } catch {
      await restartPagefind();
      if (run === current)
        view.status.textContent = navigator.onLine
          ? 'Search could not load. Check your connection and try again.'
          : NOTHING_SAVED;
      return null;
    }
    if (run !== current) return null;
    pending = found.hits;
    view.list.replaceChildren();
    view.status.textContent = resultCountMessage(found.hits.length, term) + (saved ? offlineNote(saved) : '');
    const shown = (await showMore(false)) ?? [];
    if (run !== current) return null;
    // Words nothing matched, or that every shown result matches only weakly ("bots" in "Both").
    const weak = plan.words.filter((w) => shown.length > 0 && shown.every((s) => s.match.weak.includes(w)));
    const matched = new Map<string, WeakMatches>();
    for (const word of weak) {
      // Suggest another word than those it already matched, unless the typed word only adds letters to one
      // (sharpe → sharp): then that one is the likeliest meaning.
      const forms = shown.flatMap((s) => s.match.weakForms.get(word) ?? []);
      const shorter = (f: string) => foldWord(word).startsWith(foldWord(f));
      matched.set(word, { exclude: forms.filter((f) => !shorter(f)), prefer: forms.filter(shorter) });
    }
    void offerSuggestion(run, term, [...found.missing, ...weak], matched);
    return { term, count: found.hits.length, counts: found.counts };
  };
}
