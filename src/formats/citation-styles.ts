// The APA and Chicago citations on the page, rendered at build time by citeproc-js from the page's own CSL-JSON
// item (the one cite.json offers), so the text and the download can never disagree. APA is the official APA 7th
// style that @citation-js/plugin-csl ships; Chicago is our own small style for web pages (chicago-web-page.csl),
// because no package we would depend on ships the official one. Both use the en-US locale citation-js ships.
import CSL from 'citeproc';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { readFileSync } from 'node:fs';
import chicagoWebPage from './chicago-web-page.csl?raw';
import type { CslItem } from './citation';
import { CITATIONS } from '../site/build-env.ts';

/** A run of citation text: plain, italic, or the access date (filled in where the citation is shown). */
export type CitationPart = string | { italic: string } | { accessed: true };

export type CitationStyle = 'apa' | 'chicago';

export const CITATION_STYLES: Record<CitationStyle, string> = {
  apa: 'APA (7th edition)',
  chicago: 'Chicago (18th edition, bibliography)',
};

const csl = plugins.config.get('@csl');
const STYLE_XML: Record<CitationStyle, string> = { apa: csl.styles.get('apa'), chicago: chicagoWebPage };
const LOCALE_XML: string = csl.locales.get('en-US');

/** The access date the styles are given, to be found and replaced in their output by the reader's date. */
const PLACEHOLDER_DATE = { 'date-parts': [[1111, 11, 11]] };
const PLACEHOLDER_TEXT = 'November 11, 1111';

/**
 * A style without its <sort> keys. They order a bibliography of several entries, and ours always holds one, so the
 * entry is the same without them; but citeproc compiles each key's macros into tokens of their own, and APA's
 * (author, date, title, archive…) come to some 140,000 tokens: 115 MB held for the whole build and 5 s to read.
 */
const withoutSort = (xml: string) => xml.replace(/<sort>[\s\S]*?<\/sort>/g, '');

/** One engine per style for the whole build: reading a style is the slow part (APA's is 66 KB of XML). */
const engines = new Map<CitationStyle, { engine: InstanceType<typeof CSL.Engine>; items: Map<string, CslItem> }>();
function renderWith(style: CitationStyle, item: CslItem): string {
  let cached = engines.get(style);
  if (!cached) {
    const items = new Map<string, CslItem>();
    const sys = { retrieveLocale: () => LOCALE_XML, retrieveItem: (id: string) => items.get(id) };
    const engine = new CSL.Engine(sys, withoutSort(STYLE_XML[style]), 'en-US');
    engine.setOutputFormat('html');
    engines.set(style, (cached = { engine, items }));
  }
  cached.items.set(item.id, item);
  cached.engine.updateItems([item.id]);
  const [, entries] = cached.engine.makeBibliography();
  // Not kept: tools/citations.ts formats every page's item in one process (12,000 at 1,000 briefings).
  cached.items.delete(item.id);
  return entries.join('').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (html: string) =>
  html.replace(/&(#x?[0-9a-f]+|\w+);/gi, (entity, name: string) =>
    name[0] === '#'
      ? String.fromCodePoint(parseInt(name.slice(1).replace(/^x/i, ''), /^#x/i.test(name) ? 16 : 10))
      : (ENTITIES[name] ?? entity),
  );

/**
 * citeproc's HTML for one entry as runs of text and italics. Only the markup our two styles produce is
 * accepted: anything else fails the build rather than reach the page unseen.
 */
export function entryParts(html: string): CitationPart[] {
  const inner = /^<div class="csl-entry">([\s\S]*)<\/div>$/.exec(html)?.[1];
  if (inner === undefined) throw new Error(`unexpected citeproc output: ${html}`);
  const runs: CitationPart[] = [];
  let italic = false;
  for (const [, tag, text] of inner.matchAll(/<(\/?[a-z]+)[^>]*>|([^<]+)/g)) {
    if (text !== undefined) runs.push(italic ? { italic: decode(text) } : decode(text));
    else if (tag === 'i' || tag === '/i') italic = tag === 'i';
    else throw new Error(`unexpected <${tag}> in citeproc output: ${html}`);
  }
  return runs;
}

/** Splits the placeholder access date out of the runs, as `{ accessed: true }`. */
function markAccessDate(runs: CitationPart[]): CitationPart[] {
  const out: CitationPart[] = [];
  let found = 0;
  for (const run of runs) {
    if (typeof run !== 'string' || !run.includes(PLACEHOLDER_TEXT)) {
      out.push(run);
      continue;
    }
    const [before, ...after] = run.split(PLACEHOLDER_TEXT);
    found += after.length;
    if (before) out.push(before);
    after.forEach((text) => out.push({ accessed: true }, ...(text ? [text] : [])));
  }
  if (found !== 1) throw new Error(`expected the access date once in the citation, found it ${found} times`);
  return out;
}

/** The page's citation of an item in a style, with a place for the reader's access date. */
export function formatCitation(item: CslItem, style: CitationStyle): CitationPart[] {
  const html = renderWith(style, { ...item, accessed: PLACEHOLDER_DATE });
  return markAccessDate(entryParts(html));
}

/** What a citation formatted ahead of time is filed under: the style and the whole item it was formatted from. */
export const citationKey = (item: CslItem, style: CitationStyle) => `${style} ${JSON.stringify(item)}`;

let formatted: { file: string; citations: Map<string, CitationPart[]> } | undefined;

/**
 * The citation a page shows: in `npm run build`, the one formatted before Astro rendered the pages (CITATIONS, by
 * tools/citations.ts), which must be there, as the same item gives the same citation; else formatted here.
 */
export function pageCitation(item: CslItem, style: CitationStyle): CitationPart[] {
  const file = process.env[CITATIONS];
  if (!file) return formatCitation(item, style);
  if (formatted?.file !== file) {
    const citations = JSON.parse(readFileSync(file, 'utf8')) as Record<string, CitationPart[]>;
    formatted = { file, citations: new Map(Object.entries(citations)) };
  }
  const parts = formatted.citations.get(citationKey(item, style));
  if (!parts) throw new Error(`no ${style} citation was formatted ahead of the pages for ${JSON.stringify(item)}`);
  return parts;
}

/** The citation as plain text, with the given access date. */
export function citationText(parts: CitationPart[], accessed: string): string {
  return parts.map((part) => (typeof part === 'string' ? part : 'italic' in part ? part.italic : accessed)).join('');
}

/** "June 9, 2020": the access date as both styles write it, and as the page script fills it in. */
export function formatAccessDate(date: Date): string {
  return date.toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' });
}
