import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../support/citation-formats';
import {
  citationText,
  formatAccessDate,
  formatCitation,
  toBibtex,
  toCslJson,
  toRis,
  type CitedWork,
} from '../../src/lib/citation';

const briefing: CitedWork = {
  key: 'china-united-front',
  title: 'China steps up foreign interference through CCP’s United Fronts',
  siteName: 'Research Reader',
  url: 'https://example.org/reader/china-united-front/',
  language: 'en',
};
const section: CitedWork = {
  ...briefing,
  key: 'china-united-front-sharp-power',
  title: 'Sharp power',
  partOf: briefing.title,
  url: `${briefing.url}sharp-power/`,
};

describe('citations', () => {
  it('formats APA with n.d., the site, the reader’s access date and the URL, and no author', () => {
    expect(citationText(formatCitation(briefing, 'apa'), 'June 9, 2020')).toBe(
      'China steps up foreign interference through CCP’s United Fronts. (n.d.). Research Reader. Retrieved June 9, 2020, from https://example.org/reader/china-united-front/',
    );
    expect(formatCitation(briefing, 'apa')[0]).toEqual({
      italic: 'China steps up foreign interference through CCP’s United Fronts.',
    });
    expect(citationText(formatCitation(section, 'apa'), 'X')).toBe(
      'Sharp power. (n.d.). In China steps up foreign interference through CCP’s United Fronts. Research Reader. Retrieved X, from https://example.org/reader/china-united-front/sharp-power/',
    );
  });

  it('formats Chicago with n.d. and an access date', () => {
    expect(citationText(formatCitation(section, 'chicago'), 'June 9, 2020')).toBe(
      '“Sharp power,” in “China steps up foreign interference through CCP’s United Fronts.” Research Reader, n.d. Accessed June 9, 2020. https://example.org/reader/china-united-front/sharp-power/.',
    );
  });

  it('never states an author or a publication year', () => {
    for (const work of [briefing, section]) {
      for (const style of ['apa', 'chicago'] as const) {
        const text = citationText(formatCitation(work, style), '');
        expect(text).not.toMatch(/\b(19|20)\d\d\b/);
        expect(text).toContain('n.d.');
      }
      expect(toBibtex(work)).not.toMatch(/\b(author|year|date)\s*=/);
      expect(toRis(work)).not.toMatch(/^(AU|A1|PY|Y1|DA) {2}-/m);
      expect(JSON.parse(toCslJson(work))[0]).not.toHaveProperty('author');
      expect(JSON.parse(toCslJson(work))[0]).not.toHaveProperty('issued');
    }
  });

  it('writes a BibTeX entry that parses, with the title braced and special characters escaped', () => {
    const entry = parseBibtex(toBibtex(section));
    expect(entry.type).toBe('online');
    expect(entry.key).toBe('china-united-front-sharp-power');
    expect(entry.fields.title).toBe('{Sharp power}');
    expect(entry.fields.url).toBe(section.url);
    const odd = parseBibtex(toBibtex({ ...briefing, title: 'Costs & 50% of {all} #1_x' }));
    expect(odd.fields.title).toBe('{Costs \\& 50\\% of \\{all\\} \\#1\\_x}');
  });

  it('writes RIS: TY first, ER last, CRLF line endings', () => {
    const ris = toRis(section);
    const lines = ris.split('\r\n');
    expect(lines[0]).toBe('TY  - ELEC');
    expect(lines.at(-2)).toBe('ER  - ');
    expect(lines.at(-1)).toBe('');
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines).toContain('TI  - Sharp power');
    expect(lines).toContain(`UR  - ${section.url}`);
  });

  it('writes CSL-JSON: an array of items with an id, a type and a title', () => {
    const [item] = JSON.parse(toCslJson(section));
    expect(item).toMatchObject({
      id: section.key,
      type: 'webpage',
      title: 'Sharp power',
      'container-title': briefing.title,
      URL: section.url,
    });
  });

  it('writes the access date the way both styles do', () => {
    expect(formatAccessDate(new Date(Date.UTC(2020, 5, 9)))).toBe('June 9, 2020');
  });
});
