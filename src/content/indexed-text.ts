// A section's text as search indexes it, worked out from its parsed tree before the build (the search aliases a
// section answers to are computed from it and written into the page as a Pagefind filter).
import type { Root } from 'mdast';
import { programmeLines } from '../entities/programme-mentions.ts';
import type { BriefingEvent } from '../model/schemas.ts';
import { textOf } from '../markdown/tree.ts';

/** The notes are left out of the index (the page marks them data-pagefind-ignore). */
const NOT_INDEXED = new Set(['footnoteDefinition']);

/** A section's body as search indexes it: its headings, prose, quotations and links' text, not its notes. */
export function indexedTextOf(tree: Root): string {
  return textOf(tree, NOT_INDEXED);
}

/**
 * A section's text as search indexes it: its body's (`indexedTextOf`) and the event programme's lines. The build
 * test that compares the index with the pages checks that aliases computed from it agree with what was indexed.
 */
export function indexedText(bodyText: string, event?: BriefingEvent): string {
  if (!event) return bodyText;
  return [
    bodyText,
    event.title,
    event.host,
    ...event.panels.map((p) => p.title),
    ...programmeLines(event).map((l) => l.text),
  ].join('\n');
}
