// A section's headings (h2 and h3) in reading order: the outline on its page and the A–Z index on /search/.
import { render } from 'astro:content';
import { PROGRAMME_HEADING } from '../entities/programme-mentions';
import { LABEL_ID } from '../markdown/rehype-footnote-ids';
import type { Section } from './briefings';

export interface OutlineItem {
  depth: number;
  id: string;
  text: string;
}

export async function sectionOutline(section: Section): Promise<OutlineItem[]> {
  const { headings } = await render(section.entry);
  const panels = section.entry.data.event?.panels ?? [];
  return headings
    .filter((h) => (h.depth === 2 || h.depth === 3) && !h.slug.endsWith(LABEL_ID))
    .flatMap((h) => [
      { depth: h.depth, id: h.slug, text: h.text },
      ...(h.slug === PROGRAMME_HEADING
        ? panels.map((p, i) => ({ depth: 3, id: p.id, text: `${i + 1}) ${p.title}` }))
        : []),
    ]);
}
