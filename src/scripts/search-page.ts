// /search/: the query and the active filters live in the URL (?q=…&section=…&person=…). Typing
// replaces the history entry, pressing Enter adds one; Back/Forward and shared links reproduce
// the same results.
import { announceResults, loadPagefindUi, useResultCards } from './pagefind-ui';

/** The Pagefind filters a URL may set: the section, and the entities a section mentions. */
const FILTERS = ['section', 'person', 'organisation', 'concept'];

function stateFromUrl() {
  const params = new URLSearchParams(window.location.search);
  const filters: Record<string, string[]> = {};
  for (const name of FILTERS) if (params.has(name)) filters[name] = params.getAll(name);
  return { term: (params.get('q') ?? '').trim(), filters };
}

function urlFor(term: string, filters: Record<string, string[]>): string {
  const params = new URLSearchParams();
  if (term.trim()) params.set('q', term.trim());
  for (const name of FILTERS) for (const value of filters[name] ?? []) params.append(name, value);
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}`;
}

export async function setupSearchPage(): Promise<void> {
  const page = document.querySelector<HTMLElement>('.search-page');
  if (!page) return;
  const instance = await loadPagefindUi();
  await customElements.whenDefined('pagefind-results');
  useResultCards(page, instance);
  const noResults = page.querySelector<HTMLElement>('.no-results')!;

  let pushNext = false;
  instance.on('search', (term, filters) => {
    const url = urlFor(term, filters);
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (pushNext) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    pushNext = false;
  });
  announceResults(instance, page.querySelector<HTMLElement>('.search-status')!, (count, term) => {
    noResults.hidden = !(term && count === 0);
  });
  page.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.target as HTMLElement).closest('pagefind-input')) pushNext = true;
  });

  const input = page.querySelector<HTMLInputElement>('pagefind-input input');
  const run = () => {
    const { term, filters } = stateFromUrl();
    if (input) input.value = term;
    instance.triggerSearchWithFilters(term, filters);
  };
  window.addEventListener('popstate', run);
  const start = stateFromUrl();
  // Filters from a shared link are shown, so the reader sees why the results are narrowed.
  if (Object.keys(start.filters).length > 0) page.querySelector('details.search-filters')?.setAttribute('open', '');
  if (start.term || Object.keys(start.filters).length > 0) run();
}
