// Loading Pagefind's Component UI on demand, and what both the dialog and /search/ add to it:
// result cards with the briefing and every matching heading, exact phrases for quoted queries
// (Pagefind matches words, not phrases), and a result count that screen readers announce.
import { parseQuery } from '../lib/search-query';

export interface PagefindResultData {
  url: string;
  content?: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}

export interface PagefindInstance {
  on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
  on(event: 'results', callback: (result: { results: { data(): Promise<PagefindResultData> }[] }) => void): void;
  triggerSearch(term: string): void;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  searchTerm: string;
  searchFilters: Record<string, string[]>;
}

interface PagefindComponents {
  getInstanceManager(): { getInstance(name: string): PagefindInstance };
}

const bundle = () => document.body.dataset.pagefindBundle ?? '/pagefind/';

let loading: Promise<PagefindInstance> | undefined;

/** Adds Pagefind's Component UI (script and styles) to the page once, and resolves with its instance. */
export function loadPagefindUi(): Promise<PagefindInstance> {
  loading ??= new Promise((resolve, reject) => {
    if (!document.querySelector('pagefind-config')) {
      const config = document.createElement('pagefind-config');
      config.setAttribute('bundle-path', bundle());
      config.setAttribute('base-url', document.body.dataset.base ?? '/');
      config.setAttribute('highlight-param', 'highlight');
      document.body.prepend(config);
    }
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = `${bundle()}pagefind-component-ui.css`;
    document.head.append(style);
    const script = document.createElement('script');
    script.type = 'module';
    script.src = `${bundle()}pagefind-component-ui.js`;
    script.onerror = () => reject(new Error('Search could not load'));
    script.onload = () => {
      const components = (window as unknown as { PagefindComponents: PagefindComponents }).PagefindComponents;
      resolve(components.getInstanceManager().getInstance('default'));
    };
    document.head.append(script);
  });
  return loading;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A result card (Pagefind's own structure and classes): the section title, its briefing, an excerpt,
 * then every matching heading of the section, not only the first three. */
export function resultCard(result: PagefindResultData): HTMLElement {
  const item = element('li', 'pf-result');
  const card = element('div', 'pf-result-card');
  const content = element('div', 'pf-result-content');
  const title = element('p', 'pf-result-title');
  const link = element('a', 'pf-result-link', result.meta.title ?? 'Untitled');
  link.href = result.url;
  title.append(link);
  content.append(title);
  if (result.meta.briefing) content.append(element('p', 'result-briefing', result.meta.briefing));
  // Pagefind builds excerpts from the indexed text, escaped, with <mark> around the hits.
  // Our own class: Pagefind's clips excerpts to one line, which can hide the very words found.
  const excerpt = element('p', 'result-excerpt');
  excerpt.innerHTML = result.excerpt;
  content.append(excerpt);
  card.append(content);
  item.append(card);
  const pageUrl = result.url.split('#')[0];
  const subs = (result.sub_results ?? []).filter((sub) => sub.url.includes('#') && sub.url !== pageUrl);
  if (subs.length > 0) {
    const list = element('ul', 'pf-heading-chips');
    for (const sub of subs) {
      const li = element('li', 'pf-heading-chip');
      const a = element('a', 'pf-heading-link', sub.title);
      a.href = sub.url;
      const p = element('p', 'result-excerpt');
      p.innerHTML = sub.excerpt;
      li.append(a, p);
      list.append(li);
    }
    item.append(list);
  }
  return item;
}

const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/[‘’“”"]/g, "'")
    .replace(/[\s-]+/g, ' ');

/** Whether a result holds every quoted phrase of the query (always true without quotes). */
export function hasPhrases(result: PagefindResultData, term: string): boolean {
  const content = fold(result.content ?? '');
  return parseQuery(term).phrases.every((phrase) => content.includes(fold(phrase)));
}

/** The result URL with the whole query as one `highlight` parameter, so a quoted phrase stays a phrase
 * (Pagefind adds one parameter per word and drops the quotes). */
export function withHighlight(url: string, term: string): string {
  const parsed = new URL(url, window.location.href);
  parsed.searchParams.delete('highlight');
  if (term.trim()) parsed.searchParams.set('highlight', term.trim());
  return parsed.origin === window.location.origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : parsed.href;
}

/** Uses our result card in every <pagefind-results> inside `root`; results missing a quoted phrase are left out. */
export function useResultCards(root: ParentNode, instance: PagefindInstance): void {
  const template = (result: PagefindResultData) => {
    if (hasPhrases(result, instance.searchTerm)) {
      const card = resultCard(result);
      for (const link of card.querySelectorAll('a')) link.href = withHighlight(link.href, instance.searchTerm);
      return card;
    }
    const skipped = document.createElement('li');
    skipped.hidden = true;
    return skipped;
  };
  for (const results of root.querySelectorAll('pagefind-results')) {
    (results as HTMLElement & { resultTemplate?: unknown }).resultTemplate = template;
  }
}

/** Keeps `status` saying how many results the current query has (counting only exact-phrase matches). */
export function announceResults(
  instance: PagefindInstance,
  status: HTMLElement,
  onCount?: (count: number, term: string) => void,
): void {
  instance.on('results', async (result) => {
    const term = instance.searchTerm.trim();
    if (!term) {
      status.textContent = status.dataset.idle ?? '';
      onCount?.(0, term);
      return;
    }
    // Only a quoted phrase needs each result's text (one fragment download per result) to count.
    const phrased = parseQuery(term).phrases.length > 0;
    const data = phrased ? await Promise.all(result.results.map((r) => r.data())) : [];
    if (term !== instance.searchTerm.trim()) return; // a newer search has started
    const count = phrased ? data.filter((d) => hasPhrases(d, term)).length : result.results.length;
    status.textContent = resultCountMessage(count, term);
    onCount?.(count, term);
  });
}

export function resultCountMessage(count: number, term: string): string {
  const shown = term.includes('"') ? term : `“${term}”`; // a quoted phrase keeps its own quotes
  return count === 0 ? `No results for ${shown}.` : `${count} result${count === 1 ? '' : 's'} for ${shown}.`;
}
