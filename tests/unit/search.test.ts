// What a typed query finds and marks: phrases, aliases, the landing highlighter's pattern; the A–Z index.
import { describe, expect, it } from 'vitest';
import { highlightPattern, parseQuery, planQuery } from '../../src/search/query';
import { aliasesIn, buildSearchAliases, findAlias } from '../../src/search/aliases';
import { CHINESE, groupAToZ, letterId } from '../../src/search/a-to-z';
import type { Entity } from '../../src/model/schemas';

const ALIASES = [
  { term: 'UFWD', means: ['United Front Work Department'] },
  { term: 'Covid', means: ['Covid-19', 'coronavirus'] },
];
/** What the landing page marks for the forms a result link names (`?highlight=`). */
const marked = (forms: string, text: string) => text.match(highlightPattern(parseQuery(forms))!) ?? [];

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

  it('marks the forms the result link names, in any case, as whole words only', () => {
    expect(marked('united front', text)).toEqual(['United', 'Front', 'united', 'front']);
    expect(marked('united front fronts', text)).toEqual(['United', 'Front', 'united', 'front', 'fronts']);
    expect(marked('unit', 'A unit of the United Front')).toEqual(['unit']);
  });

  it('marks a quoted phrase only as a phrase, across spaces and hyphens', () => {
    expect(marked('"united front"', text)).toEqual(['United Front', 'united front']);
    expect(marked('"wolf warrior"', 'Wolf-warrior and wolf  warrior')).toEqual(['Wolf-warrior', 'wolf  warrior']);
  });

  it('marks a form with either apostrophe', () => {
    expect(marked('O’Keefe', "Kate O'Keefe and Kate O’Keefe")).toEqual(["O'Keefe", 'O’Keefe']);
  });

  it('treats markup and regular-expression syntax as plain text, and marks nothing for nothing', () => {
    expect(marked('<img src=x onerror=alert(1)>', 'an <img src=x onerror=alert(1)> tag')).toContain('img');
    expect(marked('(.*)', 'anything at all')).toEqual([]);
    expect(highlightPattern(parseQuery('  '))).toBeNull();
    expect(marked('统战部', '中共中央统战部')).toEqual(['统战部']);
  });
});

const entity = (e: Partial<Entity> & Pick<Entity, 'slug' | 'name'>): Entity => ({
  type: 'organisation',
  aliases: [],
  case: 'sensitive',
  description: 'x',
  otherNames: [],
  ...e,
});

describe('search aliases', () => {
  const table = buildSearchAliases(
    [
      entity({
        slug: 'ufwd',
        name: 'United Front Work Department',
        aliases: ['UFWD'],
        otherNames: [{ name: '统战部', lang: 'zh-Hans', source: 'https://example.org/' }],
      }),
      entity({ slug: 'ccp', name: 'Chinese Communist Party', aliases: ['CCP', 'Chinese Communist Party (CCP)'] }),
      entity({ slug: 'kate', name: 'Kate O’Keeffe', aliases: ['Kate O’Keefe'], type: 'person' }),
    ],
    [
      { term: 'CCP', means: ['Communist Party'] },
      { term: 'PRC', means: ['People’s Republic of China'] },
    ],
  );

  it('makes each one-word alias and other name of an entity stand for what the entity is printed as', () => {
    expect(findAlias('ufwd', table)).toEqual({ term: 'UFWD', means: ['United Front Work Department'] });
    expect(findAlias('统战部', table)).toEqual({
      term: '统战部',
      means: ['United Front Work Department', 'UFWD'],
      lang: 'zh-Hans',
    });
    // Longer aliases are found by their words; spellings with brackets are for finding mentions only.
    expect(findAlias('Kate O’Keefe', table)).toBeUndefined();
    expect(findAlias('CCP', table)!.means).not.toContain('Chinese Communist Party (CCP)');
  });

  it('adds what the aliases file says a term means to the entity it names', () => {
    expect(findAlias('CCP', table)!.means).toEqual(['Chinese Communist Party', 'Communist Party']);
    expect(findAlias('PRC', table)).toEqual({ term: 'PRC', means: ['People’s Republic of China'] });
  });

  it('lists the aliases a text prints or whose meanings it prints, as whole words, in any case', () => {
    expect(aliasesIn('the united front work department', ALIASES)).toEqual(['UFWD']);
    expect(aliasesIn('a UFWD officer', ALIASES)).toEqual(['UFWD']);
    expect(aliasesIn('the Covid-19 pandemic', ALIASES)).toEqual(['Covid']);
    expect(aliasesIn('nothing here; no covidiots', ALIASES)).toEqual([]);
    expect(aliasesIn('People’s', [{ term: 'PRC', means: ["People's"] }])).toEqual(['PRC']);
  });

  it('plans a query: aliases apart from the words Pagefind searches, phrases apart from both', () => {
    expect(planQuery('"united front" UFWD WeChat wechat', ALIASES)).toEqual({
      words: ['WeChat'],
      phrases: ['united front'],
      aliases: [ALIASES[0]],
    });
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

  it('groups names written in Chinese apart, after Z', () => {
    const entry = (label: string) => ({ label, href: '#', context: 'x' });
    const groups = groupAToZ(['统战部', 'Zeta', 'Alpha'].map(entry));
    expect(groups.map((g) => g.letter)).toEqual(['A', 'Z', CHINESE]);
    expect(letterId(CHINESE)).toBe('index-chinese');
  });
});
