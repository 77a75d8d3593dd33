// What a typed query finds and marks: phrases, aliases, the landing highlighter's pattern; the A–Z index.
import { describe, expect, it } from 'vitest';
import { expandAliases, highlightPattern, parseQuery } from '../../src/lib/search-query';
import { aliasesIn } from '../../src/lib/search-aliases';
import { groupAToZ, letterId } from '../../src/lib/term-index';

const ALIASES = [
  { term: 'UFWD', means: ['United Front Work Department'] },
  { term: 'Covid', means: ['Covid-19', 'coronavirus'] },
];
const marked = (query: string, text: string) =>
  text.match(highlightPattern(expandAliases(parseQuery(query), ALIASES))!) ?? [];

describe('parseQuery', () => {
  it('splits quoted phrases from loose words, whatever quotes were typed', () => {
    expect(parseQuery('"united front" WeChat')).toEqual({ phrases: ['united front'], words: ['WeChat'] });
    expect(parseQuery('“sharp power”')).toEqual({ phrases: ['sharp power'], words: [] });
  });

  it('quotes to the end when a quote is left open, and keeps a quoted single word a word', () => {
    expect(parseQuery('"united front')).toEqual({ phrases: ['united front'], words: [] });
    expect(parseQuery('"Joske"')).toEqual({ phrases: [], words: ['Joske'] });
  });

  it('drops punctuation around words, keeps it inside, and returns nothing for blank input', () => {
    expect(parseQuery('(NED), 4,600!').words).toEqual(['NED', '4,600']);
    expect(parseQuery('   ')).toEqual({ phrases: [], words: [] });
  });

  it('reads at most 300 characters', () => {
    expect(parseQuery('x'.repeat(1000)).words[0]).toHaveLength(300);
  });
});

describe('landing highlights', () => {
  const text = 'The United Front Work Department and the united front system; uniting fronts.';

  it('marks words at the start of words, as the index matches stems', () => {
    expect(marked('united front', text)).toEqual(['United', 'Front', 'united', 'front', 'fronts']);
  });

  it('marks a quoted phrase only as a phrase', () => {
    expect(marked('"united front"', text)).toEqual(['United Front', 'united front']);
  });

  it('marks what an alias stands for', () => {
    expect(marked('UFWD', text)).toEqual(['United Front Work Department']);
    expect(marked('Covid', 'the Covid-19 pandemic and the coronavirus')).toEqual(['Covid-19', 'coronavirus']);
  });

  it('treats markup and regular-expression syntax as plain text, and marks nothing for nothing', () => {
    expect(marked('<img src=x onerror=alert(1)>', 'an <img src=x onerror=alert(1)> tag')).toContain('img');
    expect(marked('(.*)', 'anything at all')).toEqual([]);
    expect(highlightPattern(parseQuery('  '))).toBeNull();
    expect(marked('统战部', '中共中央统战部')).toEqual(['统战部']);
  });
});

describe('aliasesIn', () => {
  it('lists the aliases whose meanings a text prints, ignoring case and curly quotes', () => {
    expect(aliasesIn('the united front work department', ALIASES)).toEqual(['UFWD']);
    expect(aliasesIn('nothing here', ALIASES)).toEqual([]);
    expect(aliasesIn('People’s', [{ term: 'PRC', means: ["People's"] }])).toEqual(['PRC']);
  });
});

describe('groupAToZ', () => {
  it('groups by first letter, ignoring leading articles and quotes, each group A–Z', () => {
    const entry = (label: string) => ({ label, href: '#', context: 'x' });
    const groups = groupAToZ(
      ['The united front system', '“Sharp power”', 'A new study', 'Programme', '1) Panel'].map(entry),
    );
    expect(groups.map((g) => [g.letter, g.entries.map((e) => e.label)])).toEqual([
      ['#', ['1) Panel']],
      ['N', ['A new study']],
      ['P', ['Programme']],
      ['S', ['“Sharp power”']],
      ['U', ['The united front system']],
    ]);
    expect(groups.map((g) => letterId(g.letter))).toEqual([
      'index-numbers',
      'index-N',
      'index-P',
      'index-S',
      'index-U',
    ]);
  });
});
