// The citation files and the page's citations, read back by the parsers and citation processors readers use.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { cslItem, ITEM_TYPE, toBibtex, toCslJson, toRis, type CitedWork } from '../../src/formats/citation';
import {
  citationText,
  entryParts,
  formatAccessDate,
  formatCitation,
  pageCitation,
  type CitationPart,
} from '../../src/formats/citation-styles';
import { CITATIONS } from '../../src/site/build-env';
import type { CitationsRequest } from '../../tools/citations';
import { citeprocEntry, clientFile, OFFICIAL } from '../support/clients';

const briefing: CitedWork = {
  key: 'china-united-front',
  title: 'China steps up foreign interference through CCP’s United Fronts',
  siteName: 'Research Reader',
  url: 'https://example.org/reader/china-united-front/',
  language: 'en',
};
const section: CitedWork = {
  ...briefing,
  key: 'china-united-front:sharp-power',
  title: 'Sharp power',
  url: `${briefing.url}sharp-power/`,
};
const odd: CitedWork = { ...briefing, key: 'odd', title: 'Costs & 50% of {all} #1_x ~ ^ \\ $ in the UK' };
const works = [briefing, section, odd];

const citationJs = async (input: string | object) => (await Cite.async(input)).data;
/** Adjacent plain runs joined, so two renderings compare by what a reader sees: text and italics. */
const runs = (parts: CitationPart[]) =>
  parts.reduce<CitationPart[]>((out, part) => {
    const last = out.at(-1);
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else out.push(part);
    return out;
  }, []);

describe('the page’s citations', () => {
  it('gives APA with the title in italics, n.d., the website, the reader’s access date and the URL', () => {
    const parts = formatCitation(cslItem(section), 'apa');
    expect(citationText(parts, 'June 9, 2020')).toBe(
      'Sharp power. (n.d.). Research Reader. Retrieved June 9, 2020, from https://example.org/reader/china-united-front/sharp-power/',
    );
    expect(parts[0]).toEqual({ italic: 'Sharp power' });
    expect(parts.filter((p) => typeof p === 'object' && 'accessed' in p)).toHaveLength(1);
  });

  it('gives Chicago with the website first, the title quoted in title case, the access date and the URL', () => {
    expect(citationText(formatCitation(cslItem(briefing), 'chicago'), 'June 9, 2020')).toBe(
      'Research Reader. “China Steps up Foreign Interference through CCP’s United Fronts.” Accessed June 9, 2020. https://example.org/reader/china-united-front/.',
    );
  });

  it('never states an author or a year, in any style or file', () => {
    for (const work of works) {
      for (const style of ['apa', 'chicago'] as const) {
        expect(citationText(formatCitation(cslItem(work), style), '')).not.toMatch(/\b(19|20)\d\d\b/);
      }
      expect(citationText(formatCitation(cslItem(work), 'apa'), '')).toContain('(n.d.)');
      expect(toBibtex(work)).not.toMatch(/\b(author|editor|year|date|month)\s*=/);
      expect(toRis(work)).not.toMatch(/^(AU|A1|A2|PY|Y1|DA) {2}-/m);
      expect(Object.keys(JSON.parse(toCslJson(work))[0]).sort()).toEqual(
        ['URL', 'container-title', 'id', 'language', 'note', 'title', 'type'].sort(),
      );
    }
  });

  it('reads citeproc’s HTML as text and italics, and refuses markup it does not expect', () => {
    expect(entryParts('<div class="csl-entry"><i>A &#38; B</i>. (n.d.). Site.</div>')).toEqual([
      { italic: 'A & B' },
      '. (n.d.). Site.',
    ]);
    expect(() => entryParts('<div class="csl-entry"><b>A</b></div>')).toThrow(/unexpected <b>/);
    expect(() => entryParts('<p>A</p>')).toThrow(/unexpected citeproc output/);
  });

  it('are the ones formatted ahead of the pages in `npm run build`, and a page whose citation was not fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reader-citations-'));
    const file = join(dir, 'citations.json');
    try {
      const answer = await new Promise((done, failed) => {
        const formatter = fork('tools/citations.ts');
        formatter.once('message', done);
        formatter.once('exit', (code) => failed(new Error(`exit ${code}`)));
        const works = [
          { dir: 'china-united-front', work: briefing },
          { dir: 'china-united-front/sharp-power', work: section },
        ];
        formatter.send({ works, file, outDir: join(dir, 'site') } satisfies CitationsRequest);
      });
      expect(answer).toEqual({ formatted: 4, files: 6 });
      expect(readFileSync(join(dir, 'site/china-united-front/sharp-power/cite.ris'), 'utf8')).toBe(toRis(section));
      expect(readFileSync(join(dir, 'site/china-united-front/cite.bib'), 'utf8')).toBe(toBibtex(briefing));
      vi.stubEnv(CITATIONS, file);
      for (const style of ['apa', 'chicago'] as const) {
        for (const work of [briefing, section]) {
          expect(pageCitation(cslItem(work), style)).toEqual(formatCitation(cslItem(work), style));
        }
      }
      expect(() => pageCitation(cslItem(odd), 'apa')).toThrow(/no apa citation was formatted ahead of the pages/);
    } finally {
      vi.unstubAllEnvs();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the access date the way both styles do, and the page script too', () => {
    expect(formatAccessDate(new Date(Date.UTC(2020, 5, 9)))).toBe('June 9, 2020');
    expect(new Date(2020, 5, 9).toLocaleDateString('en-US', { dateStyle: 'long' })).toBe('June 9, 2020');
  });
});

// The same CSL-JSON rendered with the official styles, as a Zotero or Pandoc user's citeproc would.
const official = {
  apa: clientFile(OFFICIAL.apa),
  chicago: clientFile(OFFICIAL.chicago),
  locale: clientFile(OFFICIAL.locale),
};
describe.skipIf(!official.apa || !official.chicago || !official.locale)('the official APA and Chicago styles', () => {
  const accessed = { 'date-parts': [[2020, 6, 9]] };
  it.each(works.map((w) => [w.key, w]))('render %s exactly as the page does, italics included', (_key, work) => {
    for (const style of ['apa', 'chicago'] as const) {
      const item = { ...cslItem(work as CitedWork), accessed };
      const html = citeprocEntry(item, official[style]!, official.locale!, 'html');
      const page = formatCitation(cslItem(work as CitedWork), style).map((p) =>
        typeof p === 'object' && 'accessed' in p ? 'June 9, 2020' : p,
      );
      expect(runs(entryParts(html)), style).toEqual(runs(page));
    }
  });
});

describe('BibTeX', () => {
  it('is a standard @misc entry with the page’s key, read alike by citation-js and Better BibTeX’s parser', async () => {
    for (const work of works) {
      const [read] = await citationJs(toBibtex(work));
      expect(read).toMatchObject({ id: work.key, title: work.title, URL: work.url, publisher: 'Research Reader' });
      const { entries, errors } = parseBibtex(toBibtex(work));
      expect(errors).toEqual([]);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ type: ITEM_TYPE.bibtex, key: work.key });
      // Better BibTeX sentence-cases English titles unless words are braced: the title's case must survive.
      expect(entries[0].fields.title).toBe(work.title);
      expect(entries[0].fields.url).toBe(work.url);
      expect(entries[0].fields.organization).toEqual(['Research Reader']);
      expect(entries[0].fields.howpublished).toContain(`href="${work.url}"`);
    }
  });

  it('braces each capitalised word of the title, so no style changes its case', () => {
    expect(toBibtex(briefing)).toContain(
      'title = {{China} steps up foreign interference through {CCP’s} {United} {Fronts}}',
    );
    expect(toBibtex(odd)).toContain(
      'title = {{Costs} \\& 50\\% of \\{all\\} \\#1\\_x \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\$ in the {UK}}',
    );
  });
});

describe('RIS', () => {
  it('is one ELEC record, TY first and ER last, CRLF line endings, that citation-js reads as a web page', async () => {
    for (const work of works) {
      const ris = toRis(work);
      const lines = ris.split('\r\n');
      expect(lines[0]).toBe(`TY  - ${ITEM_TYPE.ris}`);
      expect(lines.at(-2)).toBe('ER  - ');
      expect(lines.at(-1)).toBe('');
      expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const [read] = await citationJs(ris);
      // citation-js follows the RIS specification, where an ELEC record's T2 is a secondary title; Zotero reads
      // it as the website's title (tests/build/citations.test.ts).
      expect(read).toMatchObject({
        type: ITEM_TYPE.csl,
        title: work.title,
        URL: work.url,
        language: 'en',
        'collection-title': 'Research Reader',
      });
    }
  });
});

describe('CSL-JSON', () => {
  it('is an array of one web-page item that citation-js takes as it is', async () => {
    for (const work of works) {
      const items = JSON.parse(toCslJson(work));
      expect(items).toEqual([cslItem(work)]);
      const [read] = await citationJs(items);
      expect(read).toMatchObject(cslItem(work));
    }
  });
});
