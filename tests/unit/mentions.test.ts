// The mention finder and the remark plugin that marks mentions in section text.
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import {
  createMatcher,
  findMentions,
  groupInOrder,
  markFirstMentions,
  mentionableTexts,
  mentionPages,
  segmentText,
  snippetAround,
  type Nameable,
} from '../../src/entities/mentions';
import { remarkEntities, type RecordedMention } from '../../src/entities/remark-entities';
import { remarkHeadingIds } from '../../src/markdown/remark-heading-ids';
import { groupByType } from '../../src/model/entity-types';
import { parseMdx } from '../../src/content/load';

const entity = (slug: string, name: string, aliases: string[] = [], insensitive = false): Nameable => ({
  slug,
  name,
  aliases,
  case: insensitive ? 'insensitive' : 'sensitive',
});

const ENTITIES = [
  entity('ufwd', 'United Front Work Department', ['UFWD']),
  entity('united-front', 'united front', [], true),
  entity('aspi', 'Australian Strategic Policy Institute', ['ASPI']),
  entity('ned', 'National Endowment for Democracy', ['NED', 'National Endowment for Democracy (NED)']),
  entity('alex-joske', 'Alex Joske', ['Joske']),
  entity('nyt', 'The New York Times', ['The Times']),
  entity('ifdc', 'International Federation for a Democratic China'),
  entity('fdc', 'Federation for a Democratic China'),
];
const matcher = createMatcher(ENTITIES);
const found = (text: string) => findMentions(text, matcher).map((m) => [m.entity, m.text]);

describe('findMentions', () => {
  it('finds what trying every name at every word start finds, in any case and script', () => {
    const names = [
      ...ENTITIES,
      entity('istanbul', 'İstanbul Forum', [], true),
      entity('sigma', 'Σύνδεσμος', ['ΣΥΝΔΕΣΜΟΣ'], true),
      entity('zhonggong', '中共', ['中共中央']),
      entity('deseret', '𐐀𐐁 Society', [], true),
    ];
    const all = createMatcher(names);
    const everyName = (text: string) => {
      const out: [string, string][] = [];
      for (let at = 0; at < text.length;) {
        const wordBefore = /[\p{L}\p{N}]/u.test(text[at - 1] ?? '');
        const hit = wordBefore
          ? undefined
          : all.patterns.find((p) => {
              const candidate = text.slice(at, at + p.value.length);
              const same = p.insensitive ? candidate.toLowerCase() === p.value.toLowerCase() : candidate === p.value;
              return (
                candidate.length === p.value.length && same && !/[\p{L}\p{N}]/u.test(text[at + p.value.length] ?? '')
              );
            });
        if (hit) out.push([hit.entity, text.slice(at, (at += hit.value.length))]);
        else at += 1;
      }
      return out;
    };
    const text =
      'the UNITED FRONT and the united front, ufwd and UFWD, the İSTANBUL FORUM and the i̇stanbul forum, σύνδεσμος and ' +
      'ΣΥΝΔΕΣΜΟΣ, 中共中央 and 中共, the 𐐨𐐩 society, Alex Joske and alex joske, United Front Work Department.';
    expect(findMentions(text, all).map((m) => [m.entity, m.text])).toEqual(everyName(text));
    expect(everyName(text).length).toBeGreaterThan(10);
  });

  it('finds names and aliases', () => {
    expect(found('said the report by ASPI, says analyst Alex Joske.')).toEqual([
      ['aspi', 'ASPI'],
      ['alex-joske', 'Alex Joske'],
    ]);
    expect(found('Joske adds:')).toEqual([['alex-joske', 'Joske']]);
  });

  it('takes the longest name first, so an organisation is not read as the concept inside it', () => {
    expect(found('a unit known as the United Front Work Department engages')).toEqual([
      ['ufwd', 'United Front Work Department'],
    ]);
    expect(
      found('chaired the International Federation for a Democratic China and the Federation for a Democratic China'),
    ).toEqual([
      ['ifdc', 'International Federation for a Democratic China'],
      ['fdc', 'Federation for a Democratic China'],
    ]);
  });

  it('reads a name with its abbreviation in brackets as one mention', () => {
    expect(found('what the National Endowment for Democracy (NED) calls')).toEqual([
      ['ned', 'National Endowment for Democracy (NED)'],
    ]);
    expect(found('the National Endowment for Democracy, and NED')).toEqual([
      ['ned', 'National Endowment for Democracy'],
      ['ned', 'NED'],
    ]);
  });

  it('never overlaps two mentions', () => {
    const matches = findMentions(
      'the united front system and the United Front Work Department and the United Front',
      matcher,
    );
    for (let i = 1; i < matches.length; i++) expect(matches[i].start).toBeGreaterThanOrEqual(matches[i - 1].end);
    expect(matches.map((m) => m.entity)).toEqual(['united-front', 'ufwd', 'united-front']);
  });

  it('follows each entity’s case rule', () => {
    expect(found('the United Front, a coalition')).toEqual([['united-front', 'United Front']]);
    expect(found('the ned and aspi and alex joske')).toEqual([]);
    expect(found('The Times found; the times changed')).toEqual([['nyt', 'The Times']]);
  });

  it('matches whole words only, but allows a possessive or punctuation after a name', () => {
    expect(found('NEDS and ASPIRE and UNASPI')).toEqual([]);
    expect(found('Joske’s report; The Times’s findings.')).toEqual([
      ['alex-joske', 'Joske'],
      ['nyt', 'The Times'],
    ]);
  });

  it('cuts text into plain runs and mentions', () => {
    expect(segmentText('Carl Gershman, President of National Endowment for Democracy', matcher)).toEqual([
      { text: 'Carl Gershman, President of ' },
      { text: 'National Endowment for Democracy', entity: 'ned' },
    ]);
  });

  it('makes a short snippet cut at spaces', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    const start = text.indexOf('six');
    expect(snippetAround(text, start, start + 3, 10)).toBe('…four five six seven…');
    expect(snippetAround('short text', 0, 5)).toBe('short text');
  });

  it('leaves headings, links, code and footnotes out of the text the content check searches', () => {
    const body =
      '## About ASPI {/* #aspi */}\n\nSee [ASPI](https://example.org) and `NED`.\n\nJoske writes.[^a]\n\n' +
      '   ## Indented UFWD {/* #ufwd */}\n\nUnderlined NED\n---\n\n[^a]: The Times,\n    and Carl Gershman.\n';
    const texts = mentionableTexts(parseMdx(body));
    expect(texts.flatMap((text) => findMentions(text, matcher)).map((m) => m.entity)).toEqual(['alex-joske']);
  });
});

function render(markdown: string, path = '/content/a-briefing/01-first.mdx') {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkHeadingIds)
    .use(remarkEntities, {
      entitiesFor: (p: string) => (p.includes('a-briefing') ? (ENTITIES as (Nameable & { name: string })[]) : []),
    });
  const file = { path, data: {} as { astro?: { frontmatter?: { entityMentions?: RecordedMention[] } } } };
  const tree = processor.runSync(processor.parse(markdown), file as never);
  const html = toHtml(toHast(tree as never, { allowDangerousHtml: true }) as never);
  return { html, mentions: file.data.astro?.frontmatter?.entityMentions ?? [] };
}

describe('remarkEntities', () => {
  it('makes the first mention in a section the button that opens its card, and leaves later ones plain', () => {
    const { html } = render('Joske writes. Alex Joske adds: ask Alex Joske.');
    expect(html).toBe(
      '<p><span class="mention" data-entity="alex-joske">Joske' +
        '<button type="button" class="mention__open" popovertarget="entity-card-alex-joske" aria-label="About Joske"></button></span>' +
        ' writes. Alex Joske adds: ask Alex Joske.</p>',
    );
  });

  it('never changes the words a reader sees', () => {
    const source = 'The Times found that the United Front and the UFWD, said ASPI (see Joske’s report).';
    const { html } = render(source);
    expect(html.replace(/<[^>]+>/g, '').replaceAll('&#x26;', '&')).toBe(source);
  });

  it('skips headings, links, inline code and footnote definitions, but counts quotations', () => {
    const { html, mentions } = render(
      [
        '## ASPI and Joske {/* #aspi-and-joske */}',
        '',
        'A [report by ASPI](https://example.org/x) and `NED` and the NED.[^n]',
        '',
        '> Alex Joske, quoted.',
        '',
        '[^n]: The Times says ASPI.',
      ].join('\n'),
    );
    expect(html).toContain('<h2 id="aspi-and-joske">ASPI and Joske</h2>');
    expect(html).toContain('<a href="https://example.org/x">report by ASPI</a>');
    expect(html).toContain('<code>NED</code>');
    expect(mentions.map((m) => m.entity)).toEqual(['ned', 'alex-joske']);
  });

  it('records every mention with its snippet and the nearest heading as its anchor', () => {
    const { mentions } = render(
      ['Before any heading, ASPI.', '', '## First {/* #first */}', '', 'Joske wrote for ASPI. Later, ASPI again.'].join(
        '\n',
      ),
    );
    expect(mentions).toEqual([
      { entity: 'aspi', text: 'ASPI', anchor: null, heading: null, snippet: 'Before any heading, ASPI.' },
      {
        entity: 'alex-joske',
        text: 'Joske',
        anchor: 'first',
        heading: 'first',
        snippet: 'Joske wrote for ASPI. Later, ASPI again.',
      },
      {
        entity: 'aspi',
        text: 'ASPI',
        anchor: 'first',
        heading: 'first',
        snippet: 'Joske wrote for ASPI. Later, ASPI again.',
      },
      {
        entity: 'aspi',
        text: 'ASPI',
        anchor: 'first',
        heading: 'first',
        snippet: 'Joske wrote for ASPI. Later, ASPI again.',
      },
    ]);
  });

  it('prefers a paragraph’s own id as the anchor when an earlier plugin has given it one', () => {
    const processor = unified()
      .use(remarkParse)
      .use(() => (tree) => {
        (tree as unknown as { children: { data?: object }[] }).children[0].data = { hProperties: { id: 'p-1' } };
      })
      .use(remarkEntities, { entitiesFor: () => ENTITIES as (Nameable & { name: string })[] });
    const file = { path: 'x.mdx', data: {} as { astro?: { frontmatter?: { entityMentions?: RecordedMention[] } } } };
    processor.runSync(processor.parse('ASPI.'), file as never);
    expect(file.data.astro!.frontmatter!.entityMentions![0].anchor).toBe('p-1');
  });

  it('does nothing in a briefing without entities', () => {
    expect(render('ASPI.', '/content/other/01-x.mdx').html).toBe('<p>ASPI.</p>');
  });
});

describe('markFirstMentions', () => {
  it('flags only the first mention of each entity across a list of texts, as in prose', () => {
    const marked = markFirstMentions(
      ['Chris Walker, National Endowment for Democracy', 'Carl Gershman, President of NED'],
      createMatcher([...ENTITIES, entity('chris-walker', 'Chris Walker'), entity('carl-gershman', 'Carl Gershman')]),
    );
    expect(marked.map((segments) => segments.filter((s) => s.first).map((s) => s.entity))).toEqual([
      ['chris-walker', 'ned'],
      ['carl-gershman'],
    ]);
    expect(marked[1].map((s) => s.text).join('')).toBe('Carl Gershman, President of NED');
  });
});

describe('groupByType', () => {
  it('groups people, organisations and concepts in that order, keeping each group’s order and leaving out empty groups', () => {
    const groups = groupByType([
      { type: 'concept' as const, name: 'sharp power' },
      { type: 'person' as const, name: 'Alex Joske' },
      { type: 'concept' as const, name: 'united front' },
    ]);
    expect(groups.map((g) => [g.type, g.entities.map((e) => e.name)])).toEqual([
      ['person', ['Alex Joske']],
      ['concept', ['sharp power', 'united front']],
    ]);
  });
});

describe("an entity page's mentions, page by page", () => {
  it('groups mentions by briefing in the order given, a number of briefings a page', () => {
    const mentions = ['a1', 'a2', 'b1', 'c1', 'c2', 'd1'];
    expect(mentionPages(mentions, (m) => m[0], 2)).toEqual([
      [['a1', 'a2'], ['b1']],
      [['c1', 'c2'], ['d1']],
    ]);
    expect(mentionPages([], (m: string) => m, 2)).toEqual([[]]);
    expect(groupInOrder(['x1', 'y1', 'x2'], (m) => m[0])).toEqual([['x1', 'x2'], ['y1']]);
  });
});
