// What /search/ keeps in its URL (?q=…&section=…&person=…), and how its filters become Pagefind's.
// Pure functions: the search page and the dialog's "See all results" link share them.

/**
 * The Pagefind filters a URL may set: the section (in a library of a few briefings) or the briefing (in a larger
 * one), and the entities a section mentions.
 */
export const FILTER_NAMES = ['section', 'briefing', 'person', 'organisation', 'concept'] as const;

/**
 * The filters /search/ shows: the section filter (a library of a few briefings) or the briefing filter (a larger one:
 * a section filter would list every section), unless a link asks for the other, and the entities. Only these are
 * fetched from the index; the alias filter the build gives each section is for the search itself.
 */
export function filtersShown(by: 'section' | 'briefing', asked: Record<string, string[]>): string[] {
  return FILTER_NAMES.filter((name) => (name === 'section' || name === 'briefing' ? name === by || asked[name] : true));
}

export interface SearchState {
  term: string;
  /** Checked values by filter name; only names in FILTER_NAMES, never empty lists. */
  filters: Record<string, string[]>;
}

export function stateFromParams(params: URLSearchParams): SearchState {
  const filters: Record<string, string[]> = {};
  for (const name of FILTER_NAMES) {
    const values = params.getAll(name).filter((value) => value.trim());
    if (values.length > 0) filters[name] = values;
  }
  return { term: (params.get('q') ?? '').trim(), filters };
}

/** The query string for a state, `?q=…&section=…`, or '' when there is nothing to keep. */
export function searchFor(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.term.trim()) params.set('q', state.term.trim());
  for (const name of FILTER_NAMES) for (const value of state.filters[name] ?? []) params.append(name, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * Pagefind's filter object: a page matches any checked value of a filter, and every filter that has one
 * (the usual rule of faceted search: ticking a second person widens, ticking a section narrows).
 */
export function pagefindFilters(filters: Record<string, string[]>): Record<string, { any: string[] }> {
  const result: Record<string, { any: string[] }> = {};
  for (const [name, values] of Object.entries(filters)) if (values.length > 0) result[name] = { any: values };
  return result;
}

/**
 * Which of a filter's values to show: every value with results (and every ticked one), the `limit` with the most
 * results first unless `all`, then A–Z. Returns the values to show and how many more there are.
 */
export function valuesToShow(
  counts: Record<string, number | undefined>,
  ticked: string[],
  limit: number,
  all: boolean,
): { shown: Set<string>; more: number } {
  const live = Object.keys(counts).filter((v) => (counts[v] ?? 0) > 0 || ticked.includes(v));
  if (all || live.length <= limit) return { shown: new Set(live), more: 0 };
  const ranked = [...live].sort(
    (a, b) =>
      Number(ticked.includes(b)) - Number(ticked.includes(a)) ||
      (counts[b] ?? 0) - (counts[a] ?? 0) ||
      a.localeCompare(b),
  );
  return { shown: new Set(ranked.slice(0, limit)), more: live.length - limit };
}

export function hasFilters(state: SearchState): boolean {
  return Object.keys(state.filters).length > 0;
}

/** "3 results for “Joske”." — a quoted phrase keeps its own quotes. */
export function resultCountMessage(count: number, term: string): string {
  const shown = term.includes('"') ? term : `“${term}”`;
  if (!term) return count === 1 ? '1 section matches the filters.' : `${count} sections match the filters.`;
  return count === 0 ? `No results for ${shown}.` : `${count} result${count === 1 ? '' : 's'} for ${shown}.`;
}

/**
 * Each section's value in the search's section filter: its title, or, where two sections of the library share a
 * title, the title with its briefing's ("Introduction (China steps up…)"). One value per section, so that a set of
 * results (a quoted phrase's) can narrow a search as a filter.
 */
export function sectionFilterNames(sections: { title: string; briefing: string }[]): string[] {
  const count = new Map<string, number>();
  for (const { title } of sections) count.set(title, (count.get(title) ?? 0) + 1);
  return sections.map(({ title, briefing }) => (count.get(title)! > 1 ? `${title} (${briefing})` : title));
}
