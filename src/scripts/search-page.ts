// /search/: the query and the active filters live in the URL (?q=…&section=…&person=…). Typing
// replaces the history entry, pressing Enter adds one; Back/Forward and shared links reproduce
// the same results. The filters are checkboxes built from the index, with how many results each gives.
import { FILTER_VALUES_SHOWN } from '../lib/page-sizes';
import {
  FILTER_NAMES,
  hasFilters,
  searchFor,
  stateFromParams,
  valuesToShow,
  type SearchState,
} from '../lib/search-state';
import { TYPE_LABELS } from '../lib/entity-types';
import { element, loadPagefind, partsOf, resultsInto, type Outcome } from './search-results';

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
  // A library of a few briefings filters by section; a larger one by briefing (the page says which), unless a link
  // asks for the other.
  const offered = (name: string) => (name === 'section' || name === 'briefing' ? name === by || asked[name] : true);
  return FILTER_NAMES.filter((name) => (all[name] || asked[name]) && offered(name)).map((name) => {
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

  const checked = (): SearchState['filters'] => {
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
    const outcome = await search(state.term, state.filters);
    if (!outcome) return;
    noResults.hidden = !((state.term || hasFilters(state)) && outcome.count === 0);
    lastCounts = outcome.counts;
    showCounts(outcome.counts);
  };
  const fromForm = () => run({ term: input.value.trim(), filters: checked() }, true);
  const asked = stateFromParams(new URLSearchParams(window.location.search));
  termIndex.hidden = Boolean(asked.term || hasFilters(asked));
  const fromUrl = () => {
    const state = stateFromParams(new URLSearchParams(window.location.search));
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
    void fromForm().then(() => (pushNext = true));
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
  window.addEventListener('popstate', () => void run(fromUrl(), false));

  try {
    const pagefind = await loadPagefind();
    const everyValue = await pagefind.filters();
    filterBox
      .querySelector('.filter-groups')!
      .replaceChildren(
        ...filterGroups(everyValue, asked.filters, filterBox.dataset.by === 'briefing' ? 'briefing' : 'section'),
      );
    lastCounts = everyValue;
    filterBox.hidden = false;
  } catch {
    // Search could not load: the search itself says so below, and the filters stay hidden.
  }
  const typed = input.value.trim(); // typed while search was loading
  const start = fromUrl();
  showCounts(lastCounts);
  // Filters from a shared link are shown, so the reader sees why the results are narrowed.
  if (hasFilters(start)) filterBox.open = true;
  if (typed && !start.term) {
    input.value = typed;
    await fromForm();
  } else if (start.term || hasFilters(start)) await run(start, false);
}
