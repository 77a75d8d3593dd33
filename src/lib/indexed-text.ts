// A section's text as search indexes it, worked out from its source before the build (the search aliases a
// section answers to are computed from it and written into the page as a Pagefind filter).
import { programmeLines } from './programme-mentions.ts';
import type { BriefingEvent } from './schemas.ts';

/**
 * A section's text as search indexes it, from its source: the body with its headings, without the notes
 * (definitions and markers), comments and tags; and the event programme's lines. The build test that compares
 * the index with the pages checks that aliases computed from it agree with what was indexed.
 */
export function indexedText(body: string, event?: BriefingEvent): string {
  const prose = body
    .replace(/^\[\^[^\]]+\]:.*(?:\n[ \t]+\S.*)*$/gm, ' ')
    .replace(/\[\^[^\]]+\]/g, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (!event) return prose;
  return [
    prose,
    event.title,
    event.host,
    ...event.panels.map((p) => p.title),
    ...programmeLines(event).map((l) => l.text),
  ].join('\n');
}
