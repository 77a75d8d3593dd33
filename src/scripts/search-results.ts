// Search in the browser, for the dialog and /search/ alike: Pagefind's JavaScript API (its own
// `pagefind.js` and WebAssembly, loaded on first use, on the main thread) and our result list.
// Result cards show the section, its briefing, an excerpt and every matching heading; a quoted query
// is an exact phrase (Pagefind matches words, so results without the phrase are left out); a result's
// text is fetched only when its card is shown, ten at a time.
import { parseQuery } from '../lib/search-query';
import { pagefindFilters, resultCountMessage } from '../lib/search-state';

export interface ResultData {
  url: string;
  content?: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}

interface Hit {
  data(): Promise<ResultData>;
}

export interface SearchResponse {
  results: Hit[];
  /** For each filter, how many results each of its values has for the words searched (other filters aside). */
  totalFilters: Record<string, Record<string, number>>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options: { filters?: object }): Promise<SearchResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const PAGE_SIZE = 10;

let loading: Promise<Pagefind> | undefined;

/** Pagefind's API, imported and set up once. No worker: for an index this size the main thread is faster to
 * start and saves a download. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const bundle = document.body.dataset.pagefindBundle ?? '/pagefind/';
    const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: document.body.dataset.base ?? '/', noWorker: true, excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })().catch((error: unknown) => {
    loading = undefined; // the next search tries again
    throw error;
  });
  return loading;
}

/** Starts loading Pagefind ahead of the first search; a failure is reported by that search. */
export function preloadPagefind(): void {
  loadPagefind().catch(() => undefined);
}

const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/[‘’“”"]/g, "'")
    .replace(/[\s-]+/g, ' ');

/** Whether a result holds every quoted phrase of the query (always true without quotes). */
export function hasPhrases(result: ResultData, term: string): boolean {
  const content = fold(result.content ?? '');
  return parseQuery(term).phrases.every((phrase) => content.includes(fold(phrase)));
}

/** The result URL with the whole query as one `highlight` parameter, so a quoted phrase stays a phrase. */
export function withHighlight(url: string, term: string): string {
  const parsed = new URL(url, window.location.href);
  parsed.searchParams.delete('highlight');
  if (term.trim()) parsed.searchParams.set('highlight', term.trim());
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** A new element with an optional class and text (as text: never parsed as markup). */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Pagefind builds excerpts from the indexed text, escaped, with <mark> around the words found. */
function excerpt(html: string) {
  const p = element('p', 'result-excerpt');
  p.innerHTML = html;
  return p;
}

/** A result card: the section title, its briefing, an excerpt, then every matching heading of the section. */
export function resultCard(result: ResultData, term: string): HTMLLIElement {
  const item = element('li', 'result');
  const link = element('a', 'result-link', result.meta.title ?? 'Untitled');
  link.href = withHighlight(result.url, term);
  const title = element('p', 'result-title');
  title.append(link);
  item.append(title);
  if (result.meta.briefing) item.append(element('p', 'result-briefing', result.meta.briefing));
  item.append(excerpt(result.excerpt));
  const pageUrl = result.url.split('#')[0];
  const subs = (result.sub_results ?? []).filter((sub) => sub.url.includes('#') && sub.url !== pageUrl);
  if (subs.length > 0) {
    const list = element('ul', 'result-headings');
    for (const sub of subs) {
      const li = element('li', 'result-heading');
      const a = element('a', 'result-heading-link', sub.title);
      a.href = withHighlight(sub.url, term);
      li.append(a, excerpt(sub.excerpt));
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
}

export interface Outcome {
  term: string;
  count: number;
  /** Results for the words searched, by filter value. */
  counts: SearchResponse['totalFilters'];
}

/**
 * Runs searches into a view: the count in the status line (a live region), the first ten cards in the list,
 * and a "Show more results" button for the rest. A newer search makes an older one stop where it is.
 */
export function resultsInto(view: ResultsView) {
  let current = 0;
  let pending: (() => Promise<ResultData>)[] = [];
  let shownTerm = '';

  async function showMore(focusFirst: boolean) {
    const run = current;
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    view.more.disabled = true; // one batch at a time, so results stay in order
    const data = await Promise.all(batch.map((load) => load()));
    view.more.disabled = false;
    if (run !== current) return;
    const cards = data.map((d) => resultCard(d, shownTerm));
    view.list.append(...cards);
    view.more.hidden = pending.length === 0;
    view.more.textContent = `Show more results (${pending.length} more)`;
    if (focusFirst) cards[0]?.querySelector('a')?.focus();
  }
  view.more.addEventListener('click', () => void showMore(true));

  return async function search(term: string, filters: Record<string, string[]>): Promise<Outcome | null> {
    const run = ++current;
    const withFilters = Object.keys(filters).length > 0;
    if (!term && !withFilters) {
      view.list.replaceChildren();
      view.more.hidden = true;
      view.status.textContent = view.status.dataset.idle ?? '';
      return { term, count: 0, counts: {} };
    }
    let response: SearchResponse;
    try {
      const pagefind = await loadPagefind();
      response = await pagefind.search(term || null, { filters: pagefindFilters(filters) });
    } catch {
      if (run === current) view.status.textContent = 'Search could not load. Check your connection and try again.';
      return null;
    }
    if (run !== current) return null;
    let loaders = response.results.map((hit) => () => hit.data());
    // Only a quoted phrase needs each result's text (one fragment per result) before it can count them.
    if (parseQuery(term).phrases.length > 0) {
      const data = await Promise.all(loaders.map((load) => load()));
      if (run !== current) return null;
      loaders = data.filter((d) => hasPhrases(d, term)).map((d) => () => Promise.resolve(d));
    }
    shownTerm = term;
    pending = loaders;
    view.list.replaceChildren();
    view.status.textContent = resultCountMessage(loaders.length, term);
    await showMore(false);
    return { term, count: loaders.length, counts: response.totalFilters };
  };
}
