// Headings carry explicit, stable ids written in the MDX source as a trailing comment:
//   ## A period of experimentation {/* #period-of-experimentation */}
// The id survives any later edit of the heading's wording, so shared links keep working.

const HEADING_ID_COMMENT = /^\s*\/\*\s*#([a-z][a-z0-9-]*)\s*\*\/\s*$/;

/** The id inside an MDX expression's source, e.g. `/* #sharp-power *\/` → `sharp-power`. */
export function headingIdFromComment(expression: string): string | null {
  return HEADING_ID_COMMENT.exec(expression)?.[1] ?? null;
}

export interface SourceHeading {
  depth: number;
  text: string;
  id: string | null;
  line: number;
}

const ATX_HEADING = /^(#{1,6})\s+(.*?)\s*$/;
const TRAILING_ID = /\s*\{(\/\*[^}]*\*\/)\}\s*$/;

/** Headings of an MDX body as written (outside fenced code), with their explicit ids if any. */
export function headingsInSource(body: string): SourceHeading[] {
  const headings: SourceHeading[] = [];
  let inFence = false;
  body.split('\n').forEach((raw, index) => {
    if (/^\s*(```|~~~)/.test(raw)) inFence = !inFence;
    const match = inFence ? null : ATX_HEADING.exec(raw);
    if (!match) return;
    const idMatch = TRAILING_ID.exec(match[2]);
    headings.push({
      depth: match[1].length,
      text: match[2].replace(TRAILING_ID, '').trim(),
      id: idMatch ? headingIdFromComment(idMatch[1]) : null,
      line: index + 1,
    });
  });
  return headings;
}
