// /search/: the query and the active filters live in the URL (?q=…&section=…&person=…). Typing
// replaces the history entry, pressing Enter adds one; Back/Forward and shared links reproduce
// the same results. The filters are checkboxes built from the index, with how many results each gives,
// fetched when the reader opens them (or a link ticks one): the first search fetches no filter at all.
import { FILTER_VALUES_SHOWN } from '../../site/page-sizes';
import {
  FILTER_NAMES,
  filtersShown,
  hasFilters,
  searchFor,
  stateFromParams,
  valuesToShow,
  type SearchState,
} from '../../search/state';
import { TYPE_LABELS } from '../../model/entity-types';
import {
  countsFor,
  element,
  filterValues,
  loadPagefind,
  partsOf,
  preloadPagefind,
  resultsInto,
  type Outcome,
} from './results';

const LABELS: Record<string, string> = {
  section: 'Section',
  briefing: 'Briefing',
  ...Object.fromEntries(Object.entries(TYPE_LABELS).map(([type, label]) => [type, label.one])),
};

/**
 * One group of checkboxes per filter, values A–Z: those in the index, and any a link asks for that the index does
 * not have (a renamed section, a mistyped name), so the reader sees why there are no results and can untick it.
 * Values go in as text only.
 */
function filterGroups(
  all: Record<string, Record<string, number>>,
  asked: SearchState['filters'],
  by: 'section' | 'briefing',
): HTMLElement[] {
  const shown = filtersShown(by, asked);
  return FILTER_NAMES.filter((name) => (all[name] || asked[name]) && shown.includes(name)).map((name) => {
    const group = element('fieldset', 'filter-group');
    group.dataset.filter = name;
    group.append(element('legend', '', LABELS[name]));
    const values = new Set([...Object.keys(all[name] ?? {}), ...(asked[name] ?? [])]);
    for (const value of [...values].sort((a, b) => a.localeCompare(b))) {
      const label = element('label', 'filter-option');
      const box = element('input');
      box.type = 'checkbox';
      box.name = name;
      box.value = value;
      const text = element('span', '', `${value} `);
      text.append(element('span', 'filter-count'));
      label.append(box, text);
      group.append(label);
    }
    // Many values (a briefing filter in a large library): the ones with the most results, and a button for the rest.
    const more = element('button', 'filter-more');
    more.type = 'button';
    more.hidden = true;
    group.append(more);
    return group;
  });
}

export async function setupSearchPage(): Promise<void> {
  const page = document.querySelector<HTMLElement>('.search-page');
  if (!page) return;
  const $ = partsOf(page);
  const form = $<HTMLFormElement>('.search-form');
  const input = $<HTMLInputElement>('input[type="search"]');
  const filterBox = $<HTMLDetailsElement>('.search-filters');
  const noResults = $<HTMLElement>('.no-results');
  const termIndex = $<HTMLElement>('.term-index');
  const search = resultsInto({
    status: $<HTMLElement>('.search-status'),
    list: $<HTMLElement>('.results'),
    more: $<HTMLButtonElement>('.results-more'),
    suggest: $<HTMLElement>('.search-suggest'),
    // A link to the corrected search, with the filters ticked now.
    suggestControl: (query) => {
      const link = element('a', 'search-suggest__link', query);
      link.href = `${window.location.pathname}${searchFor({ term: query, filters: checked() })}`;
      return link;
    },
  });

  // Until the filters are built, those ticked are the URL's.
  const checked = (): SearchState['filters'] => {
    if (!groupsReady) return urlState().filters;
    const filters: SearchState['filters'] = {};
    for (const box of filterBox.querySelectorAll<HTMLInputElement>('input:checked'))
      (filters[box.name] ??= []).push(box.value);
    return filters;
  };
  // Each value says how many results it has for the words searched; values without any are left out. A value
  // from the URL is only ever a key looked up as the index's own ("__proto__" is a value like any other).
  const showCounts = (counts: Outcome['counts']) => {
    for (const group of filterBox.querySelectorAll<HTMLElement>('.filter-group')) {
      const boxes = [...group.querySelectorAll<HTMLInputElement>('input')];
      const values = counts[group.dataset.filter!] ?? {};
      const countOf = (value: string) => (Object.hasOwn(values, value) ? values[value] : undefined);
      const byValue = Object.fromEntries(boxes.map((box) => [box.value, countOf(box.value) ?? 1]));
      const ticked = boxes.filter((box) => box.checked).map((box) => box.value);
      const { shown, more } = valuesToShow(byValue, ticked, FILTER_VALUES_SHOWN, group.dataset.all === 'true');
      for (const box of boxes) {
        const count = countOf(box.value);
        box.parentElement!.querySelector('.filter-count')!.textContent = count === undefined ? '' : `(${count})`;
        box.parentElement!.hidden = !shown.has(box.value);
      }
      const button = group.querySelector<HTMLButtonElement>('.filter-more')!;
      button.hidden = more === 0;
      button.textContent = `Show all (${more} more)`;
    }
  };
  let lastCounts: Outcome['counts'] = {};
  const urlState = () => stateFromParams(new URLSearchParams(window.location.search));

  // The filters are fetched the first time they are opened, or when a link ticks one: most searches never open them,
  // and at 1,000 briefings their values are half of what a first search would fetch. Only the filters shown are
  // fetched (not the section filter of a large library, which every search would then count).
  const by = filterBox.dataset.by === 'briefing' ? 'briefing' : 'section';
  const groupBox = filterBox.querySelector<HTMLElement>('.filter-groups')!;
  /** Every value of the filters shown, with how many sections have it: the counts while nothing is searched. */
  let everyValue: Outcome['counts'] = {};
  let groups: Promise<void> | undefined;
  let groupsReady = false;
  const buildGroups = () =>
    (groups ??= (async () => {
      let state = urlState(); // the last search's, which the counts are for
      groupBox.replaceChildren(element('p', 'filter-note', 'Loading the filters…'));
      let counts: Outcome['counts'];
      try {
        everyValue = await filterValues(filtersShown(by, state.filters));
        // Counted for the search the page shows once they are ready (a search started meanwhile counts nothing).
        let counted: string;
        do {
          counted = searchFor(state);
          counts = state.term || hasFilters(state) ? await countsFor(state.term, state.filters) : everyValue;
          state = urlState();
        } while (searchFor(state) !== counted);
      } catch (error) {
        groups = undefined; // opening them again tries again
        groupBox.replaceChildren(
          element('p', 'filter-note', 'The filters could not load. Check your connection and try again.'),
        );
        throw error;
      }
      groupBox.replaceChildren(...filterGroups(everyValue, state.filters, by));
      for (const box of groupBox.querySelectorAll<HTMLInputElement>('input'))
        box.checked = state.filters[box.name]?.includes(box.value) ?? false;
      groupsReady = true;
      lastCounts = counts;
      showCounts(counts);
    })());
  filterBox.addEventListener('toggle', () => {
    if (filterBox.open) buildGroups().catch(() => undefined);
  });

  let pushNext = false;
  const run = async (state: SearchState, record: boolean) => {
    if (record) {
      const url = `${window.location.pathname}${searchFor(state)}`;
      if (url !== `${window.location.pathname}${window.location.search}`) {
        history[pushNext ? 'pushState' : 'replaceState'](null, '', url);
        pushNext = false;
      }
    }
    // The A–Z index is for browsing: shown while the box is empty, not under results.
    termIndex.hidden = Boolean(state.term || hasFilters(state));
    // Counts only if the filters were there when it started (else they count for themselves once they are).
    const counted = groupsReady;
    const outcome = await search(state.term, state.filters);
    if (!outcome) return;
    filterBox.hidden = false;
    noResults.hidden = !((state.term || hasFilters(state)) && outcome.count === 0);
    if (!counted) return;
    lastCounts = state.term || hasFilters(state) ? outcome.counts : everyValue;
    showCounts(lastCounts);
  };
  const fromForm = () => run({ term: input.value.trim(), filters: checked() }, true);
  const asked = urlState();
  termIndex.hidden = Boolean(asked.term || hasFilters(asked));
  const fromUrl = () => {
    const state = urlState();
    input.value = state.term;
    for (const box of filterBox.querySelectorAll<HTMLInputElement>('input'))
      box.checked = state.filters[box.name]?.includes(box.value) ?? false;
    return state;
  };

  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void fromForm(), 120);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    // The query is written into the URL at once (run's first step); from then on it is an entry of its own, which
    // the next change adds to rather than replaces, however long its results take to come.
    void fromForm();
    pushNext = true;
  });
  filterBox.addEventListener('change', () => void fromForm());
  filterBox.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('.filter-more');
    if (!button) return;
    const group = button.closest<HTMLElement>('.filter-group')!;
    group.dataset.all = 'true';
    showCounts(lastCounts);
    group.querySelector<HTMLInputElement>('label:not([hidden]) input')?.focus();
  });
  // Back or Forward to filters not yet fetched: their boxes are built first, ticked as the URL says.
  window.addEventListener('popstate', () => {
    if (hasFilters(urlState())) {
      filterBox.open = true;
      buildGroups().catch(() => undefined);
    }
    void run(fromUrl(), false);
  });

  // Pagefind, its index and the aliases load at once, side by side; the filters show once search can run (if it
  // cannot, the search says so and they stay hidden).
  preloadPagefind();
  loadPagefind().then(
    () => (filterBox.hidden = false),
    () => undefined,
  );
  // Filters from a shared link are shown, so the reader sees why the results are narrowed.
  if (hasFilters(asked)) {
    filterBox.open = true;
    buildGroups().catch(() => undefined);
  }
  const typed = input.value.trim(); // typed while the page was loading
  const start = fromUrl();
  if (typed && !start.term) {
    input.value = typed;
    await fromForm();
  } else if (start.term || hasFilters(start)) await run(start, false);
}
