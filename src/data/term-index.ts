// The A–Z index /search/ shows without JavaScript: every section, its headings, and the search aliases
// it answers to, each linking to where it is.
import type { Briefing } from './library';
import { getSearchAliases } from './library';
import { sectionOutline } from './outline';
import { paths } from './paths';
import { groupAToZ, type IndexEntry, type IndexLetter } from '../lib/term-index';

export async function termIndex(library: Briefing[]): Promise<IndexLetter[]> {
  const aliases = await getSearchAliases();
  const entries: IndexEntry[] = [];
  for (const briefing of library) {
    for (const section of briefing.sections) {
      const href = paths.section(briefing.slug, section.slug);
      entries.push({ label: section.title, href, context: 'section' });
      for (const heading of await sectionOutline(section)) {
        entries.push({
          label: heading.text,
          href: paths.section(briefing.slug, section.slug, heading.id),
          context: section.title,
        });
      }
      for (const term of section.aliases) {
        const meaning = aliases.find((a) => a.term === term)?.means[0];
        entries.push({ label: `${term} (${meaning})`, href, context: section.title });
      }
    }
  }
  return groupAToZ(entries);
}
