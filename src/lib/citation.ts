// Citations of a briefing or one of its sections, in the styles and formats researchers use.
// The record gives no author, publisher, publication date or original URL, so none is ever written:
// APA and Chicago say "n.d.", and the machine formats simply have no such field. The access date is
// the reader's: the page fills it in in the browser, and the downloadable files leave it out so every
// build of a commit is identical.

export interface CitedWork {
  /** A key for BibTeX and CSL-JSON, e.g. `china-united-front` or `china-united-front-sharp-power`. */
  key: string;
  /** The work's title: the briefing's, or the section's. */
  title: string;
  /** For a section: the briefing it is part of. */
  partOf?: string;
  /** The site the reader read it on. */
  siteName: string;
  /** Absolute URL of the page. */
  url: string;
  language: string;
}

/** A run of citation text: plain, italic, or the access date (filled in where the citation is shown). */
export type CitationPart = string | { italic: string } | { accessed: true };

export type CitationStyle = 'apa' | 'chicago';

export const CITATION_STYLES: Record<CitationStyle, string> = {
  apa: 'APA (7th edition)',
  chicago: 'Chicago (notes and bibliography)',
};

/** Ends a title with a full stop unless it already ends with punctuation. */
function period(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/** APA 7, a web page with no author and no date: title, (n.d.), site, retrieval date and URL. */
function apa(work: CitedWork): CitationPart[] {
  const head: CitationPart[] = work.partOf
    ? [`${period(work.title)} (n.d.). In `, { italic: work.partOf }, '. ']
    : [{ italic: period(work.title) }, ' (n.d.). '];
  return [...head, `${work.siteName}. Retrieved `, { accessed: true }, `, from ${work.url}`];
}

/** Chicago 17 bibliography entry, no author and no date: quoted title, site, n.d., access date, URL. */
function chicago(work: CitedWork): CitationPart[] {
  const title = work.partOf ? `“${work.title},” in “${work.partOf}.”` : `“${period(work.title)}”`;
  return [`${title} ${work.siteName}, n.d. Accessed `, { accessed: true }, `. ${work.url}.`];
}

export function formatCitation(work: CitedWork, style: CitationStyle): CitationPart[] {
  return style === 'apa' ? apa(work) : chicago(work);
}

/** The citation as plain text, with the given access date. */
export function citationText(parts: CitationPart[], accessed: string): string {
  return parts.map((part) => (typeof part === 'string' ? part : 'italic' in part ? part.italic : accessed)).join('');
}

/** "June 9, 2020": the access date as APA and Chicago write it. */
export function formatAccessDate(date: Date): string {
  return date.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

const NOTE = 'The source gives no author or publication date.';

function bibtexEscape(text: string): string {
  return text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

/** A BibTeX `@online` entry (biblatex; BibTeX styles read it as @misc), title braced to keep its case. */
export function toBibtex(work: CitedWork): string {
  const fields: [string, string][] = [
    ['title', `{${bibtexEscape(work.title)}}`],
    ...(work.partOf ? ([['booktitle', `{${bibtexEscape(work.partOf)}}`]] as [string, string][]) : []),
    ['organization', bibtexEscape(work.siteName)],
    ['url', work.url],
    ['langid', work.language === 'en' ? 'english' : work.language],
    ['note', NOTE],
  ];
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@online{${work.key},\n${body}\n}\n`;
}

/** RIS: one tagged record, `TY` first and `ER` last, CRLF line endings. */
export function toRis(work: CitedWork): string {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const lines: [string, string][] = [
    ['TY', 'ELEC'],
    ['TI', oneLine(work.title)],
    ...(work.partOf ? ([['T2', oneLine(work.partOf)]] as [string, string][]) : []),
    ['DB', work.siteName],
    ['UR', work.url],
    ['LA', work.language],
    ['N1', NOTE],
    ['ER', ''],
  ];
  return lines.map(([tag, value]) => `${tag}  - ${value}`).join('\r\n') + '\r\n';
}

/** CSL-JSON (the format Zotero, Pandoc and citeproc read): an array of one item, no author, no issued. */
export function toCslJson(work: CitedWork): string {
  const item = {
    id: work.key,
    type: 'webpage',
    title: work.title,
    ...(work.partOf ? { 'container-title': work.partOf } : { 'container-title': work.siteName }),
    URL: work.url,
    language: work.language,
    note: NOTE,
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}

export const CITATION_FORMATS = {
  bib: { label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8', render: toBibtex },
  ris: { label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8', render: toRis },
  json: { label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json; charset=utf-8', render: toCslJson },
} as const;

export type CitationFormat = keyof typeof CITATION_FORMATS;
