// Naming rules for the content folder: one folder per briefing, one `NN-slug.mdx` file per section.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SECTION_FILE_PATTERN = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/** Section slugs that would collide with the briefing's own routes. */
export const RESERVED_SECTION_SLUGS = ['all'] as const;

export interface SectionFileName {
  order: number;
  slug: string;
}

/** `05-rwchr-event.mdx` → `{ order: 5, slug: 'rwchr-event' }`; null when the name breaks the rule. */
export function parseSectionFileName(fileName: string): SectionFileName | null {
  const match = SECTION_FILE_PATTERN.exec(fileName);
  if (!match) return null;
  return { order: Number(match[1]), slug: match[2] };
}

/** The id of a section across the whole library: `<briefing>/<slug>`. */
export function sectionId(briefing: string, slug: string): string {
  return `${briefing}/${slug}`;
}

/** Splits a section id back into its briefing and section slugs. */
export function splitSectionId(id: string): { briefing: string; slug: string } {
  const [briefing, slug] = id.split('/');
  return { briefing, slug };
}

/** Sections in reading order: by the file name's number, then by slug so ties are stable. */
export function byReadingOrder<T extends { order: number; slug: string }>(a: T, b: T): number {
  return a.order - b.order || a.slug.localeCompare(b.slug);
}
