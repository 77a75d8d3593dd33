// Headings carry explicit, stable ids written in the MDX source as a trailing comment:
//   ## A period of experimentation {/* #period-of-experimentation */}
// The id survives any later edit of the heading's wording, so shared links keep working.

const HEADING_ID_COMMENT = /^\s*\/\*\s*#([a-z][a-z0-9-]*)\s*\*\/\s*$/;

/** The id inside an MDX expression's source, e.g. `/* #sharp-power *\/` → `sharp-power`. */
export function headingIdFromComment(expression: string): string | null {
  return HEADING_ID_COMMENT.exec(expression)?.[1] ?? null;
}
