// The A–Z index on the /terms/ pages, which /search/ links to without JavaScript: every section, its headings, the search aliases it answers
// to (abbreviations, names in Chinese), and every person, organisation and concept, each linking to where it is.
import type { Briefing } from './briefings';
import { getSearchAliases } from './briefings';
import { getEntities } from './entities';
import { sectionOutline } from './outline';
import { paths } from '../site/urls';
import { TYPE_LABELS } from '../model/entity-types';
import { groupAToZ, type IndexEntry, type IndexLetter } from '../search/a-to-z';

let cache: Promise<IndexLetter[]> | undefined;

/** The library's A–Z index, computed once a build (every letter's pages read it). */
export function libraryTermIndex(library: Briefing[]): Promise<IndexLetter[]> {
  if (import.meta.env.DEV) cache = undefined;
  cache ??= termIndex(library);
  return cache;
}

async function termIndex(library: Briefing[]): Promise<IndexLetter[]> {
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
        const alias = aliases.find((a) => a.term === term);
        entries.push({ label: term, gloss: alias?.means[0], lang: alias?.lang, href, context: section.title });
      }
    }
  }
  for (const entity of await getEntities()) {
    entries.push({ label: entity.name, href: paths.entity(entity.slug), context: TYPE_LABELS[entity.type].one });
  }
  return groupAToZ(entries);
}
