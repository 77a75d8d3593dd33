import { describe, expect, it } from 'vitest';
import {
  filtersShown,
  pagefindFilters,
  resultCountMessage,
  searchFor,
  sectionFilterNames,
  stateFromParams,
  valuesToShow,
} from '../../src/search/state';

describe('search state in the URL', () => {
  it('reads the query and the known filters, trimmed, ignoring blanks and unknown names', () => {
    const state = stateFromParams(
      new URLSearchParams('q=+sharp+power+&person=Alex+Joske&person=Sarah+Cook&section=&colour=red'),
    );
    expect(state).toEqual({ term: 'sharp power', filters: { person: ['Alex Joske', 'Sarah Cook'] } });
  });

  it('writes the same state back, and nothing for an empty one', () => {
    const params = 'q=sharp+power&section=Sharp+power&person=Alex+Joske&person=Sarah+Cook';
    expect(searchFor(stateFromParams(new URLSearchParams(params)))).toBe(`?${params}`);
    expect(searchFor({ term: '  ', filters: {} })).toBe('');
  });

  it('keeps hostile values as plain, encoded text', () => {
    const value = '<img src=x onerror=alert(1)>';
    const query = searchFor({ term: value, filters: { section: [value] } });
    expect(query).not.toContain('<');
    expect(stateFromParams(new URLSearchParams(query))).toEqual({ term: value, filters: { section: [value] } });
  });

  it('matches any checked value within a filter, and every filter with one', () => {
    expect(pagefindFilters({ person: ['Alex Joske', 'Sarah Cook'], section: ['Sharp power'], concept: [] })).toEqual({
      person: { any: ['Alex Joske', 'Sarah Cook'] },
      section: { any: ['Sharp power'] },
    });
  });
});

describe('the filters /search/ shows', () => {
  it('shows the section or the briefing filter, as the page says, and the entities; never the aliases', () => {
    expect(filtersShown('section', {})).toEqual(['section', 'person', 'organisation', 'concept']);
    expect(filtersShown('briefing', {})).toEqual(['briefing', 'person', 'organisation', 'concept']);
  });

  it('shows the other of section and briefing too when a link asks for it', () => {
    expect(filtersShown('briefing', { section: ['Sharp power'] })).toEqual([
      'section',
      'briefing',
      'person',
      'organisation',
      'concept',
    ]);
  });
});

describe('result count message', () => {
  it('counts results for words, a phrase keeping its own quotes, and none', () => {
    expect(resultCountMessage(1, 'Joske')).toBe('1 result for “Joske”.');
    expect(resultCountMessage(3, '"united front"')).toBe('3 results for "united front".');
    expect(resultCountMessage(0, '统战部')).toBe('No results for “统战部”.');
  });

  it('counts sections for filters alone', () => {
    expect(resultCountMessage(2, '')).toBe('2 sections match the filters.');
    expect(resultCountMessage(0, '')).toBe('0 sections match the filters.');
  });
});

describe('section filter values', () => {
  it('are the titles, with the briefing’s where two sections of the library share one', () => {
    expect(
      sectionFilterNames([
        { title: 'Introduction', briefing: 'A' },
        { title: 'Sharp power', briefing: 'A' },
        { title: 'Introduction', briefing: 'B' },
      ]),
    ).toEqual(['Introduction (A)', 'Sharp power', 'Introduction (B)']);
  });
});

describe('which filter values show', () => {
  const counts = { Alpha: 1, Beta: 5, Gamma: 0, Delta: 3, Epsilon: 2 };
  it('shows every value with results when they are few, and hides those without', () => {
    expect(valuesToShow(counts, [], 10, false)).toEqual({
      shown: new Set(['Alpha', 'Beta', 'Delta', 'Epsilon']),
      more: 0,
    });
  });
  it('shows the ones with the most results, ticked ones first, and counts the rest', () => {
    expect(valuesToShow(counts, ['Alpha'], 2, false)).toEqual({ shown: new Set(['Alpha', 'Beta']), more: 2 });
    expect(valuesToShow(counts, [], 2, true).shown.size).toBe(4);
    expect(valuesToShow(counts, ['Gamma'], 10, false).shown.has('Gamma')).toBe(true);
  });
});
