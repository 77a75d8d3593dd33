// People, organisations and concepts in the built site: marked mentions, entity pages and their
// mention lists, the /entities/ index, search filters, and footnotes that lead to the bibliography.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BRIEFING, htmlFiles, loadPage, normalizeText, sectionFile, SECTION_SLUGS } from '../support/dist';

interface EntityData {
  slug: string;
  name: string;
  type: 'person' | 'organisation' | 'concept';
  aliases?: string[];
  description: string;
}
const entities: EntityData[] = parseYaml(readFileSync(`content/${BRIEFING}/entities.yaml`, 'utf8')).entities;
const entityFile = (slug: string) => `entities/${slug}/index.html`;
const pages = htmlFiles();

/** Mention counts a reader can check by hand against the text (and the programme). */
const EXPECTED_MENTIONS: Record<string, { mentions: number; sections: string[] }> = {
  'alex-joske': { mentions: 2, sections: ['joske-recommendations'] },
  'kristine-lee': { mentions: 1, sections: ['sharp-power'] },
  'kate-okeeffe': { mentions: 1, sections: ['united-front-work-department'] },
  'national-endowment-for-democracy': { mentions: 4, sections: ['sharp-power', 'rwchr-event'] },
  'the-new-york-times': { mentions: 4, sections: ['wolf-warrior-amplification', 'sharp-power'] },
  twitter: { mentions: 4, sections: ['wolf-warrior-amplification', 'sharp-power'] },
  'united-front': { mentions: 7, sections: ['united-front-work-department', 'joske-recommendations'] },
  'united-front-work-department': { mentions: 1, sections: ['united-front-work-department'] },
  'raoul-wallenberg-centre-for-human-rights': { mentions: 4, sections: ['rwchr-event'] },
  'montreal-institute-for-genocide-studies': { mentions: 2, sections: ['rwchr-event'] },
  'wolf-warrior-diplomacy': { mentions: 1, sections: ['wolf-warrior-amplification'] },
  'sharp-power': { mentions: 1, sections: ['sharp-power'] },
};

describe('entities in the built site', () => {
  it('covers everyone on the webinar programme and every co-sponsor', () => {
    const doc = loadPage(sectionFile('rwchr-event'));
    const names = [...doc.querySelectorAll('.programme .person')].map((el) => normalizeText(el.textContent!));
    expect(names).toHaveLength(13);
    const data = readFileSync(`content/${BRIEFING}/05-rwchr-event.mdx`, 'utf8');
    const cosponsors: string[] = parseYaml(data.split('---')[1]).event.cosponsors;
    const mentioned = new Set(
      [...doc.querySelectorAll('.prose [data-entity], .prose .mention')].map((a) => a.getAttribute('data-entity')),
    );
    for (const name of [...names, ...cosponsors]) {
      const entity = entities.find((e) => e.name === name || e.aliases?.includes(name));
      expect(entity, name).toBeDefined();
      expect(mentioned.has(entity!.slug), name).toBe(true);
    }
  });

  it('has a page for every entity, with its name, its description and at least one mention', () => {
    for (const entity of entities) {
      expect(pages, entity.slug).toContain(entityFile(entity.slug));
      const doc = loadPage(entityFile(entity.slug));
      expect(normalizeText(doc.querySelector('h1')!.textContent!)).toBe(entity.name);
      expect(normalizeText(doc.querySelector('.entity-page__about')!.textContent!)).toContain(entity.description);
      expect(doc.querySelectorAll('.entity-mention').length, entity.slug).toBeGreaterThan(0);
    }
  });

  it.each(Object.entries(EXPECTED_MENTIONS))(
    'lists every mention of %s, by section, each with the mentioned words picked out',
    (slug, expected) => {
      const doc = loadPage(entityFile(slug));
      const items = [...doc.querySelectorAll('.entity-mention')];
      expect(items).toHaveLength(expected.mentions);
      expect(normalizeText(doc.querySelector('.entity-mentions > p')!.textContent!)).toBe(
        `${expected.mentions} mention${expected.mentions === 1 ? '' : 's'} in ${expected.sections.length} section${expected.sections.length === 1 ? '' : 's'}.`,
      );
      const sections = [...doc.querySelectorAll('.entity-mentions__section h3 a')].map((a) => a.getAttribute('href'));
      expect(sections).toEqual(expected.sections.map((s) => `/${BRIEFING}/${s}/`));
      for (const item of items) expect(item.querySelector('mark')!.textContent!.length).toBeGreaterThan(1);
    },
  );

  it('deep-links each mention to the heading (or paragraph) it sits under, where the words are', () => {
    for (const entity of entities) {
      for (const link of loadPage(entityFile(entity.slug)).querySelectorAll('.entity-mention a')) {
        const [path, id] = link.getAttribute('href')!.split('#');
        expect(id, `${entity.slug}: ${path}`).toMatch(/^[a-z0-9-]+$/);
        const target = loadPage(`${path.slice(1)}index.html`).getElementById(id);
        expect(target, `${entity.slug}: #${id}`).not.toBeNull();
        const words = link.querySelector('mark')!.textContent!;
        // The mentioned words follow the heading (or are in the paragraph) the link lands on.
        let text = '';
        for (let el: Element | null = target; el && !text.includes(words); el = el.nextElementSibling)
          text += el.textContent;
        expect(text, `${entity.slug} under #${id}`).toContain(words);
      }
    }
  });

  it('groups /entities/ by type, people, organisations and concepts, each A–Z, linking every entity', () => {
    const doc = loadPage('entities/index.html');
    const groups = [...doc.querySelectorAll('.entity-index__group')];
    expect(groups.map((g) => g.querySelector('h2')!.textContent)).toEqual(['People', 'Organisations', 'Concepts']);
    for (const [group, type] of groups.map((g, i) => [g, ['person', 'organisation', 'concept'][i]] as const)) {
      const names = [...group.querySelectorAll('li > a')].map((a) => a.textContent!);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
      expect(names.sort()).toEqual(
        entities
          .filter((e) => e.type === type)
          .map((e) => e.name)
          .sort(),
      );
    }
    const jump = [...doc.querySelectorAll('.entity-index__jump a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(jump).toEqual([
      [`People (${entities.filter((e) => e.type === 'person').length})`, '#person'],
      [`Organisations (${entities.filter((e) => e.type === 'organisation').length})`, '#organisation'],
      ['Concepts (4)', '#concept'],
    ]);
  });

  it.each(SECTION_SLUGS)(
    'marks only the first mention of each entity in section %s, as one button that opens a card linking to its page',
    (slug) => {
      const doc = loadPage(sectionFile(slug));
      const marks = [...doc.querySelectorAll('article .prose .mention')];
      expect(marks.length).toBeGreaterThan(0);
      const inText = marks.filter((m) => !m.closest('.programme')).map((m) => m.getAttribute('data-entity'));
      expect(inText.filter((e, i) => inText.indexOf(e) !== i)).toEqual([]);
      for (const mark of marks) {
        const entity = mark.getAttribute('data-entity')!;
        // The printed words, then one empty button named after them: nothing else in the line.
        const controls = mark.querySelectorAll('a, button, input, select, textarea, [tabindex]');
        expect(controls, entity).toHaveLength(1);
        const button = mark.lastElementChild!;
        expect(button.tagName).toBe('BUTTON');
        expect(button.textContent).toBe('');
        expect(button.getAttribute('aria-label')).toBe(`About ${mark.textContent}`);
        const card = doc.getElementById(button.getAttribute('popovertarget')!)!;
        expect(card.hasAttribute('popover')).toBe(true);
        expect(card.closest('.prose')).toBeNull();
        expect(card.textContent).toContain(entities.find((e) => e.slug === entity)!.description);
        expect(card.querySelector(`a[href="/entities/${entity}/"]`), entity).not.toBeNull();
        expect(pages).toContain(entityFile(entity));
      }
    },
  );

  it('never marks a name inside a heading, and leaves later mentions as plain text', () => {
    const doc = loadPage(sectionFile('joske-recommendations'));
    expect(doc.querySelector('#united-front-system')!.querySelector('.mention, a:not(.heading-link)')).toBeNull();
    const text = normalizeText(doc.querySelector('article .prose')!.textContent!);
    expect(text.split('united front').length - 1 + text.split('United Front').length - 1).toBeGreaterThan(3);
    expect(doc.querySelectorAll('article .prose .mention[data-entity="united-front"]')).toHaveLength(1);
  });

  it('gives each section page a Pagefind filter for each entity it mentions, by type', () => {
    const filters = (slug: string, type: string) =>
      [...loadPage(sectionFile(slug)).querySelectorAll(`[data-pagefind-body] [data-pagefind-filter="${type}"]`)].map(
        (el) => el.textContent,
      );
    expect(filters('joske-recommendations', 'person')).toEqual(['Alex Joske']);
    expect(filters('sharp-power', 'person')).toEqual(['Lea Gabrielle', 'Kristine Lee']);
    expect(filters('wolf-warrior-amplification', 'concept')).toEqual(['wolf warrior diplomacy']);
    expect(filters('rwchr-event', 'person')).toHaveLength(13);
    expect(filters('united-front-work-department', 'organisation')).toContain('United Front Work Department');
  });

  it('links each footnote that cites a source to its entry in the bibliography on the cover', () => {
    const cover = loadPage(`${BRIEFING}/index.html`);
    const cited = new Set<string>();
    for (const slug of SECTION_SLUGS) {
      for (const link of loadPage(sectionFile(slug)).querySelectorAll(
        '.footnotes a[href^="/china-united-front/#source-"]',
      )) {
        expect(link.textContent).toBe('Bibliography entry');
        const id = link.getAttribute('href')!.split('#')[1];
        expect(cover.getElementById(id)!.closest('.bibliography')).not.toBeNull();
        cited.add(id);
      }
    }
    expect([...cited].sort()).toEqual(['source-aspi', 'source-ned-sharp-power', 'source-nyt', 'source-wsj'].sort());
  });

  it('shows the spelling notes on the cover and on the people they concern', () => {
    const notes = loadPage(`${BRIEFING}/index.html`).querySelector('#source-notes-spellings')!.parentElement!
      .textContent!;
    expect(notes).toContain('Kate O’Keeffe');
    expect(notes).toContain('Kimberley Kitching');
    expect(loadPage(entityFile('kate-okeeffe')).querySelector('.entity-page__note')!.textContent).toContain('O’Keefe');
    expect(loadPage(entityFile('kimberley-kitching')).querySelector('.entity-page__note')!.textContent).toContain(
      'Kimberly',
    );
  });
});
