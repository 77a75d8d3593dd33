// What a briefing or a section is for a reference manager, and the files that say so.
//
// One item, everywhere: each page is a web page on the website "Research Reader" (CSL `webpage`, RIS `ELEC`,
// BibTeX `@misc`, schema.org `WebPage`, Open Graph `website`; Zotero saves a "Web Page"). A section is also part
// of its briefing; web-page citations have no place for that, so it is stated in the structured data only.
// The record gives no author, publication date, original publisher or URL, so no file has any of them (the
// website they name is this site, where the reader read it). The access date is the reader's: the page fills it in, and the files leave it out so every build of a commit is
// identical. CSL-JSON is the source of truth: the APA and Chicago text on the page are rendered from the same
// item (citation-styles.ts).

export interface CitedWork {
  /** Stable and unique per page: the briefing's slug, or `briefing:section` (slugs never contain a colon). */
  key: string;
  /** The page's title: the briefing's, or the section's. */
  title: string;
  /** The website the page is on. */
  siteName: string;
  /** Absolute URL of the page. */
  url: string;
  language: string;
}

/** The item's type in each vocabulary that names one; every file and tag of a page uses these. */
export const ITEM_TYPE = {
  csl: 'webpage',
  ris: 'ELEC',
  bibtex: 'misc',
  schemaOrg: 'WebPage',
  openGraph: 'website',
  zotero: 'webpage',
} as const;

/** A note for reference managers (Zotero keeps it with the item); no citation style prints it. */
const CITATION_NOTE = 'The source gives no author or publication date.';

/** A CSL-JSON item (the fields this project writes). */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  'container-title': string;
  URL: string;
  language: string;
  note?: string;
  accessed?: { 'date-parts': number[][] };
}

export function cslItem(work: CitedWork): CslItem {
  return {
    id: work.key,
    type: ITEM_TYPE.csl,
    title: work.title,
    'container-title': work.siteName,
    URL: work.url,
    language: work.language,
    note: CITATION_NOTE,
  };
}

/** CSL-JSON (the format Zotero, Pandoc and citeproc read): an array of one item, no author, no issued. */
export function toCslJson(work: CitedWork): string {
  return `${JSON.stringify([cslItem(work)], null, 2)}\n`;
}

const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** TeX's special characters escaped, in one pass (so the braces of `\textbackslash{}` stay braces). */
function bibtexEscape(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (ch) => BIBTEX_SPECIAL[ch] ?? `\\${ch}`);
}

/**
 * A title whose capitalised words are braced, so no style or importer changes their case: plain BibTeX
 * lower-cases unbraced words after the first, and Better BibTeX sentence-cases a title braced as a whole.
 */
function caseProtected(title: string): string {
  return bibtexEscape(title)
    .split(' ')
    .map((word) => (/\p{Lu}/u.test(word) ? `{${word}}` : word))
    .join(' ');
}

const BIBLATEX_LANGUAGES: Record<string, string> = { en: 'english' };

/**
 * A BibTeX `@misc` entry, the standard type BibTeX and biblatex both have for a web page (and what Zotero writes
 * for one). Plain BibTeX styles print `howpublished`, so the URL is there as well as in `url` (biblatex); the
 * website is the `organization`. No author, year or note: nothing a bibliography would print that the record
 * does not give.
 */
export function toBibtex(work: CitedWork): string {
  const fields: [string, string][] = [
    ['title', caseProtected(work.title)],
    ['howpublished', `\\url{${work.url}}`],
    ['url', work.url],
    ['organization', bibtexEscape(work.siteName)],
    ['langid', BIBLATEX_LANGUAGES[work.language] ?? work.language],
  ];
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@${ITEM_TYPE.bibtex}{${work.key},\n${body}\n}\n`;
}

/** RIS: one tagged record, `TY` first and `ER` last, CRLF line endings; `T2` is the website's title. */
export function toRis(work: CitedWork): string {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const lines: [string, string][] = [
    ['TY', ITEM_TYPE.ris],
    ['TI', oneLine(work.title)],
    ['T2', oneLine(work.siteName)],
    ['UR', work.url],
    ['LA', work.language],
    ['N1', CITATION_NOTE],
    ['ER', ''],
  ];
  return lines.map(([tag, value]) => `${tag}  - ${value}`).join('\r\n') + '\r\n';
}

export const CITATION_FORMATS = {
  bib: { label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8', render: toBibtex },
  ris: { label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8', render: toRis },
  json: { label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json; charset=utf-8', render: toCslJson },
} as const;

export type CitationFormat = keyof typeof CITATION_FORMATS;
