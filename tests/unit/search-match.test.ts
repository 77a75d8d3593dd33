// Which printed words are forms of a typed word, what a result's text marks, its excerpts, and "Did you mean …?".
import { describe, expect, it } from 'vitest';
import { EXACT, FORM, WEAK, matchPage, matchWord, tierOf } from '../../src/search/match';
import { placesOf, type Anchor } from '../../src/search/excerpt';
import { buildVocabulary, closestWord, editDistance, vocabularyKey, vocabularyKeysOf } from '../../src/search/suggest';

const tier = (typed: string, printed: string) => matchWord(typed, printed)?.tier ?? null;

describe('forms of a typed word', () => {
  it('knows the word itself in any case, with either apostrophe, without accents, plural or possessive', () => {
    expect(tier('united', 'United')).toBe(EXACT);
    expect(tier("O'Keefe", 'O’Keefe')).toBe(EXACT);
    expect(tier('cafe', 'Café')).toBe(EXACT);
    expect(tier('influencers', 'influencer')).toBe(EXACT);
    expect(tier('diasporas', 'diaspora')).toBe(EXACT);
    expect(tier('community', 'communities')).toBe(EXACT);
    expect(tier('Joske', 'Joske’s')).toBe(EXACT);
    expect(tier('4,600', '4,600')).toBe(EXACT);
  });

  it('knows other forms of it, and a prefix as typed', () => {
    expect(tier('interference', 'interfering')).toBe(FORM);
    expect(tier('influence', 'influenced')).toBe(FORM);
    expect(tier('Jos', 'Joske')).toBe(FORM);
    expect(tierOf('front', 'frontier', false)).toBeNull(); // inside a phrase a prefix is not enough
  });

  it('calls a shorter or another word a weak match: Pagefind matches it, a reader would not', () => {
    expect(tier('united', 'unit')).toBe(WEAK);
    expect(tier('influencer', 'influence')).toBe(WEAK);
    expect(tier('bots', 'Both')).toBe(WEAK);
    expect(tier('sharpe', 'sharp')).toBe(WEAK);
    expect(tier('Joskie', 'Joske')).toBe(WEAK);
    expect(tier('bots', 'cats')).toBeNull();
  });

  it('matches one part of a joined token, and says which characters', () => {
    expect(matchWord('wolf', 'Wolf-warrior')).toEqual({ tier: EXACT, start: 0, end: 4 });
    expect(matchWord('PRC', '(PRC)—such')).toEqual({ tier: EXACT, start: 1, end: 4 });
    expect(matchWord('covid', 'Covid-19')).toEqual({ tier: EXACT, start: 0, end: 5 });
    expect(matchWord('wolf-warrior', '‘Wolf-warrior’')).toEqual({ tier: EXACT, start: 1, end: 13 });
    // A possessive is left off, so the landing page finds the name inside its link: "Journal" in "Journal’s".
    expect(matchWord('Journal', 'Journal’s')).toEqual({ tier: EXACT, start: 0, end: 7 });
    expect(matchWord("O'Keefe", 'O’Keefe’s')).toEqual({ tier: EXACT, start: 0, end: 9 });
  });
});

describe('what a result marks', () => {
  const tokens = 'A unit in the ruling party known as the United Front Work Department, the united front.'.split(' ');
  // Pagefind's locations for "united front": its stem matches "unit" too.
  const locations = [1, 9, 10, 14, 15];

  it('marks the best forms of each word, and a weak match only where nothing better matched', () => {
    const match = matchPage(tokens, locations, { words: ['united', 'front'], phrases: [], names: [] });
    expect([...match.marks.keys()]).toEqual([9, 14, 10, 15]);
    expect(match.tier).toBe(EXACT);
    expect(match.forms).toEqual(['united', 'front']);
    const weak = matchPage(tokens, [1], { words: ['united'], phrases: [], names: [] });
    expect([...weak.marks.keys()]).toEqual([1]);
    expect(weak).toMatchObject({ tier: WEAK, weak: ['united'] });
    expect(weak.weakForms.get('united')).toEqual(['unit']);
  });

  it('marks every place a phrase or an alias’s name is spelled, and names it for the landing page as a phrase', () => {
    const match = matchPage(tokens, [], { words: [], phrases: [], names: [['United', 'Front', 'Work', 'Department']] });
    expect([...match.marks.entries()]).toEqual([
      [9, [0, 6]],
      [10, [0, 5]],
      [11, [0, 4]],
      [12, [0, 10]],
    ]);
    expect(match.forms).toEqual(['"United Front Work Department"']);
  });
});

describe('excerpts', () => {
  const text =
    'Sharp power. Shaping the information environment. The State Department denounced China’s efforts. ' +
    'A period of experimentation. “But the Covid-19 pandemic has served as an important period of experimentation,” she said.';
  const tokens = text.split(' ');
  const anchors: Anchor[] = [
    { element: 'h2', id: 'information-environment', text: 'Shaping the information environment', location: 2 },
    { element: 'p', id: 'p-1', text: 'The State Department denounced China’s efforts.', location: 6 },
    { element: 'h2', id: 'period-of-experimentation', text: 'A period of experimentation', location: 12 },
    { element: 'p', id: 'p-2', text: '', location: 16 },
  ];
  const at = (word: string) => tokens.findIndex((t) => t.startsWith(word));

  const shown = (runs: { text: string; mark?: true }[]) => runs.map((r) => (r.mark ? `[${r.text}]` : r.text)).join('');

  it('keeps the title and headings out of excerpts, and shows the best under its heading', () => {
    const marks = new Map([[tokens.lastIndexOf('experimentation,”'), [0, 15] as [number, number]]]);
    const [page, ...headings] = placesOf(tokens, anchors, marks, { titleWords: 2, length: 8 });
    expect(page.excerpt.runs).toEqual([]);
    expect(headings.map((h) => h.heading)).toEqual([
      { text: 'A period of experimentation', id: 'period-of-experimentation' },
    ]);
    expect(shown(headings[0].excerpt.runs)).toBe('… as an important period of [experimentation],” she said.');
  });

  it('shows the section’s own excerpt for a match before any heading, marked words one after another as one', () => {
    const text = 'Title words. The United Front and more words here.';
    const ts = text.split(' ');
    const marks = new Map<number, [number, number]>([
      [3, [0, 6]],
      [4, [0, 5]],
    ]);
    const [page] = placesOf(ts, [], marks, { titleWords: 2, length: 20 });
    expect(shown(page.excerpt.runs)).toBe('The [United Front] and more words here.');
  });

  it('shows a heading whose words alone match, with the text under it', () => {
    const marks = new Map([[at('Shaping'), [0, 7] as [number, number]]]);
    const [, heading] = placesOf(tokens, anchors, marks, { titleWords: 2, length: 30 });
    expect(heading.heading?.id).toBe('information-environment');
    expect(heading.excerpt.runs.map((r) => r.text).join('')).toBe('The State Department denounced China’s efforts.');
  });
});

describe('did you mean', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('untied', 'united')).toBe(1);
    expect(editDistance('uighur', 'uyghur')).toBe(1);
    expect(editDistance('sharpe', 'sharp')).toBe(1);
    expect(editDistance('abcdef', 'ghijkl', 2)).toBe(3);
  });

  it('suggests the closest word, then the most printed; short words allow one edit', () => {
    const vocabulary: [string, number][] = [
      ['united', 11],
      ['unit', 1],
      ['Uyghur', 2],
      ['shape', 3],
      ['sharp', 1],
      ['both', 1],
    ];
    expect(closestWord('untied', vocabulary)).toBe('united');
    expect(closestWord('Uighur', vocabulary)).toBe('Uyghur');
    expect(closestWord('sharpe', vocabulary)).toBe('shape');
    expect(closestWord('sharpe', vocabulary, { prefer: ['sharp'] })).toBe('sharp');
    expect(closestWord('bots', vocabulary, { exclude: ['Both'] })).toBeNull();
    expect(closestWord('xyzzy', vocabulary)).toBeNull();
  });

  it('builds the vocabulary from indexed text, one file per first letter a–z and one for others, each word as most often printed', () => {
    const files = buildVocabulary(
      ['The United Front; the united front’s work. 4,600 U.S. Wolf-warrior'],
      ['UFWD', '统战部'],
    );
    expect([...files.keys()]).toEqual(['f', 'other', 't', 'u', 'w']);
    expect(files.get('other')).toEqual([['统战部', 1]]);
    expect(files.get('u')).toEqual([
      ['united', 2],
      ['U.S', 1],
      ['UFWD', 1],
    ]);
    expect(files.get('w')).toEqual([
      ['Wolf', 1],
      ['Wolf-warrior', 1],
      ['warrior', 1],
      ['work', 1],
    ]);
    expect(vocabularyKey('Über')).toBe('u');
    expect(vocabularyKey('统战')).toBe('other');
    // Numbers are no words to suggest: there is no file to fetch for them.
    expect(vocabularyKey('4,600')).toBeNull();
  });

  it('names the vocabulary files a text needs, the same as the vocabulary built from it', () => {
    const texts = ['The United Front; the united front’s work. 4,600 U.S. Wolf-warrior', 'Über 12 a b Ærø 统战'];
    expect(vocabularyKeysOf(texts, ['UFWD', '统战部'])).toEqual([...buildVocabulary(texts, ['UFWD', '统战部']).keys()]);
    expect(vocabularyKeysOf(texts)).toEqual(['f', 'other', 't', 'u', 'w']);
    const everyLetter = [
      'abcdefghijklmnopqrstuvwxyz'
        .split('')
        .map((c) => `${c}${c}`)
        .join(' ') + ' 统战',
    ];
    expect(vocabularyKeysOf(everyLetter)).toEqual([...buildVocabulary(everyLetter).keys()]);
    expect(vocabularyKeysOf(['4,600 x'])).toEqual([]);
  });
});
