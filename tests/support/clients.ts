// The software readers cite with, for checking what they make of the site: the official CSL styles and Zotero's
// translators. They are third-party files that are not part of the project (and never copied into it); a copy
// may sit beside the checkout (READER_CLIENTS_DIR names another folder). Tests that need them say so plainly and
// skip when they are absent. Reading one runs none of Zotero: see zoteroTables().
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import CSL from 'citeproc';
import type { CslItem } from '../../src/formats/citation';

const CLIENTS_DIR = resolve(process.env.READER_CLIENTS_DIR || '../shared/clients');

/** A file of the reference copies, or undefined (after saying so once) when it is not there. */
export function clientFile(path: string): string | undefined {
  const file = join(CLIENTS_DIR, path);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  if (!warned.has(path)) console.warn(`skipped: no ${path} in ${CLIENTS_DIR} (set READER_CLIENTS_DIR)`);
  warned.add(path);
  return undefined;
}
const warned = new Set<string>();

export const OFFICIAL = {
  apa: 'csl/apa.csl',
  chicago: 'csl/chicago-notes-bibliography.csl',
  locale: 'csl/locales-en-US.xml',
} as const;

/** A bibliography entry of one item, by citeproc-js with a style and locale as given (text or HTML). */
export function citeprocEntry(item: CslItem, style: string, locale: string, format: 'text' | 'html'): string {
  const key = `${format}\n${locale}\n${style}`;
  let cached = engines.get(key);
  if (!cached) {
    // Reading a style is the slow part (Chicago's is 240 KB): one engine per style, fed one item at a time.
    const items = new Map<string, CslItem>();
    const sys = { retrieveLocale: () => locale, retrieveItem: (id: string) => items.get(id) };
    cached = { engine: new CSL.Engine(sys, style, 'en-US'), items };
    cached.engine.setOutputFormat(format);
    engines.set(key, cached);
  }
  cached.items.set(item.id, item);
  cached.engine.updateItems([item.id]);
  return cached.engine.makeBibliography()[1].join('').trim();
}
const engines = new Map<string, { engine: InstanceType<typeof CSL.Engine>; items: Map<string, CslItem> }>();

/** A translator's code without its JSON header, as Zotero loads it. */
function translatorCode(source: string): string {
  const end = source.indexOf('\n}\n') + 3;
  JSON.parse(source.slice(0, end));
  return source.slice(end);
}

/**
 * Zotero's own mapping tables and lookup from its RIS translator: the RIS type → item type map and the
 * tag → field mapper its import uses. Evaluating the file defines them; the two names the file's top level
 * consults are given as a current Zotero answers (every field valid; not run from another translator).
 * Nothing is imported: only the translator's tables are read.
 */
export function risTables(source: string) {
  const context = vm.createContext({ ZU: { fieldIsValidForType: () => true }, Zotero: {} });
  vm.runInContext(translatorCode(source), context);
  const tables = vm.runInContext(
    '({ importTypeMap, mapper: new TagMapper([fieldMap, degenerateImportFieldMap], degenerateImportFieldMap) })',
    context,
  ) as { importTypeMap: Record<string, string>; mapper: { getField(type: string, tag: string): string | false } };
  return { itemType: (ty: string) => tables.importTypeMap[ty], field: tables.mapper.getField.bind(tables.mapper) };
}

/** BibTeX.js's entry type → item type map, and the field names it reads into Zotero fields directly. */
export function bibtexTables(source: string) {
  const context = vm.createContext({ ZU: {}, Zotero: {} });
  vm.runInContext(translatorCode(source), context);
  return vm.runInContext(
    '({ types: bibtex2zoteroTypeMap, fields: fieldMap, inputFields: inputFieldMap })',
    context,
  ) as {
    types: Record<string, string>;
    fields: Record<string, string>;
    inputFields: Record<string, string>;
  };
}

/**
 * From Embedded Metadata (what Zotero's browser button runs on a page): the Highwire tags it maps to fields, and
 * the tags that decide the item type outright (`citation_inbook_title` → book section, …), as its code lists
 * them. Tags whose value only guesses a type (`citation_title`) are not among them: Open Graph's type outranks
 * a guess.
 */
export function embeddedMetadataTables(source: string) {
  const context = vm.createContext({});
  vm.runInContext(translatorCode(source), context);
  const mappings = vm.runInContext('HIGHWIRE_MAPPINGS', context) as Record<string, string>;
  const typeTags: Record<string, string> = {};
  for (const [, cases, type] of source.matchAll(/((?:case\s+["']citation_\w+["']:\s*)+)hwType\s*=\s*["'](\w+)["']/g))
    for (const [, tag] of cases.matchAll(/["'](citation_\w+)["']/g)) typeTags[tag] = type;
  return { mappings, typeTags };
}
