// Every sentence of the source appears word for word; its scraping debris does not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPage, normalizeText, readerText, sectionFile, SECTION_SLUGS, BRIEFING } from '../support/dist';

/** Lines of the record that are web-page debris, not the article (listed in the source notes). */
const DEBRIS_LINES = ['RFE/RL', 'National Endowment for Democracy (NED)', 'Credit: FreedomHouse'];
/** Debris run into a sentence of the article. */
const DEBRIS_IN_LINES = ['RTWT Download', 'Click Here', 'Print Friendly, PDF & Email', '(right), '];
/** The typographic mends the source notes disclose. */
const MENDS: [string, string][] = [
  ['Chinese- language', 'Chinese-language'],
  ['Kitching ,', 'Kitching,'],
  ['diplomacy‘', 'diplomacy’'],
];

function sourceParagraphs(): string[] {
  const raw = readFileSync('tests/fixtures/source.txt', 'utf8');
  return raw
    .split('\n')
    .map((line) => normalizeText(line))
    .filter((line) => line && !DEBRIS_LINES.includes(line))
    .map((line) => {
      let text = line.replace(/^– /, '');
      for (const debris of DEBRIS_IN_LINES) text = text.replaceAll(debris, '');
      for (const [from, to] of MENDS) text = text.replaceAll(from, to);
      return normalizeText(text);
    })
    .filter(Boolean);
}

function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.?!…”’])\s+(?=[A-Z“‘])/);
}

const sectionTexts = SECTION_SLUGS.map((slug) => {
  const article = loadPage(sectionFile(slug)).querySelector('article .prose');
  return readerText(article!);
});
const allPageText = readerText(loadPage(`${BRIEFING}/all/index.html`).querySelector('main')!);
const [title, ...paragraphs] = sourceParagraphs();

describe('the source text', () => {
  it('gives the briefing its title, on the cover and the all-in-one page', () => {
    for (const file of [`${BRIEFING}/index.html`, `${BRIEFING}/all/index.html`]) {
      expect(normalizeText(loadPage(file).querySelector('h1')!.textContent!)).toBe(title);
    }
  });

  it('has paragraphs to check', () => {
    expect(paragraphs.length).toBeGreaterThan(30);
  });

  it('appears sentence by sentence, word for word, in the section pages', () => {
    const joined = sectionTexts.join(' ');
    const missing = paragraphs.flatMap(sentences).filter((s) => !joined.includes(s));
    expect(missing).toEqual([]);
  });

  it('appears paragraph by paragraph in the section pages and on the all-in-one page', () => {
    const joined = sectionTexts.join(' ');
    expect(paragraphs.filter((p) => !joined.includes(p))).toEqual([]);
    expect(paragraphs.filter((p) => !allPageText.includes(p))).toEqual([]);
  });

  it('keeps the order of the source across the five sections', () => {
    const joined = sectionTexts.join(' ');
    const positions = paragraphs.map((p) => joined.indexOf(p));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('leaves out the scraping debris', () => {
    for (const text of [...sectionTexts, allPageText]) {
      for (const debris of ['RFE/RL', 'Credit: FreedomHouse', 'RTWT', 'Click Here', 'Print Friendly', '(right)']) {
        expect(text).not.toContain(debris);
      }
    }
  });

  it('keeps the NED credit words only where the article itself uses them', () => {
    const joined = sectionTexts.join(' ');
    expect(joined.split('National Endowment for Democracy (NED)').length - 1).toBe(1);
  });
});
