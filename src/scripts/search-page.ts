// /search/: the query (and section filter) live in the URL. Typing replaces the history entry,
// pressing Enter adds one, Back/Forward and shared links reproduce the same results.
import { announceResults, loadPagefindUi, useResultCards } from './pagefind-ui';

const FILTER = 'section';

function stateFromUrl() {
  const params = new URLSearchParams(window.location.search);
  return { term: (params.get('q') ?? '').trim(), sections: params.getAll(FILTER) };
}

function urlFor(term: string, sections: string[]): string {
  const params = new URLSearchParams();
  if (term.trim()) params.set('q', term.trim());
  for (const section of sections) params.append(FILTER, section);
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
    const url = urlFor(term, filters[FILTER] ?? []);
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
    const { term, sections } = stateFromUrl();
    if (input) input.value = term;
    if (sections.length > 0) instance.triggerSearchWithFilters(term, { [FILTER]: sections });
    else instance.triggerSearch(term);
  };
  window.addEventListener('popstate', run);
  if (stateFromUrl().term) run();
}
