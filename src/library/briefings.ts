// Every collection query lives here, and every list is sorted explicitly
// (collection order is not guaranteed).
import { getCollection, type CollectionEntry } from 'astro:content';
import { byReadingOrder, splitSectionId } from '../model/files';
import { countWords, readingMinutes } from '../content/reading-time';
import type { BriefingData, BriefingEvent } from '../model/schemas';
import { aliasesIn, buildSearchAliases, type SearchAlias } from '../search/aliases';
import { indexedText } from '../content/indexed-text';
import { readFileSync } from 'node:fs';
import { loadSection, type KnownSection } from '../content/load';
import { SECTION_FACTS } from '../site/build-env';
import { sectionFilterNames } from '../search/state';

export interface Section {
  entry: CollectionEntry<'sections'>;
  briefing: string;
  slug: string;
  order: number;
  title: string;
  description: string;
  words: number;
  minutes: number;
  /** The search aliases this section answers to: those it prints or whose meanings it prints (UFWD, CCP…). */
  aliases: string[];
  /** Its value in search's section filter: its title, unless another section of the library has the same. */
  filterName: string;
}

/** A briefing as its pages show it: what briefing.yaml says, and its sections in reading order. */
export interface Briefing {
  slug: string;
  data: BriefingData;
  sections: Section[];
  words: number;
  minutes: number;
}

function eventWords(event: BriefingEvent | undefined): number {
  if (!event) return 0;
  const people = event.panels.flatMap((p) => [
    p.title,
    p.moderator.name,
    p.moderator.role,
    ...p.speakers.flatMap((s) => [s.name, s.role]),
  ]);
  return countWords([event.title, ...people].join(' '));
}

function toSection(
  entry: CollectionEntry<'sections'>,
  searchAliases: SearchAlias[],
  known: Record<string, KnownSection> | null,
): Section {
  const { briefing, slug } = splitSectionId(entry.id);
  // Its text as the content loader read it, for `npm run build` in the check before Astro started, else here (the
  // tree it parsed is let go); Astro compiles the MDX itself.
  let loaded: KnownSection | null = null;
  if (known) {
    loaded = known[entry.id];
    if (!loaded) throw new Error(`${entry.filePath ?? entry.id} is not among the sections the content check read`);
  } else if (entry.filePath) loaded = loadSection(entry.filePath);
  const words = (loaded?.facts?.words ?? 0) + eventWords(entry.data.event);
  return {
    entry,
    briefing,
    slug,
    order: loaded?.order ?? 0,
    title: entry.data.title,
    description: entry.data.description,
    words,
    minutes: readingMinutes(words),
    aliases: aliasesIn(indexedText(loaded?.facts?.indexedText ?? '', entry.data.event), searchAliases),
    filterName: entry.data.title,
  };
}

let cache: Promise<Briefing[]> | undefined;

/** The library: briefings newest first (then by title), each with its sections in reading order. */
export function getLibrary(): Promise<Briefing[]> {
  // One read per build; in dev, read afresh so edits show up.
  if (import.meta.env.DEV) cache = undefined;
  cache ??= (async () => {
    const [briefingEntries, sectionEntries, searchAliases] = await Promise.all([
      getCollection('briefings'),
      getCollection('sections'),
      getSearchAliases(),
    ]);
    const factsFile = process.env[SECTION_FACTS];
    const known = factsFile ? (JSON.parse(readFileSync(factsFile, 'utf8')) as Record<string, KnownSection>) : null;
    const sections = sectionEntries.map((entry) => toSection(entry, searchAliases, known));
    const briefingTitle = (id: string) => briefingEntries.find((b) => b.id === id)?.data.title ?? id;
    sectionFilterNames(sections.map((s) => ({ title: s.title, briefing: briefingTitle(s.briefing) }))).forEach(
      (name, i) => (sections[i].filterName = name),
    );
    return briefingEntries
      .map((entry) => {
        const own = sections.filter((s) => s.briefing === entry.id).sort(byReadingOrder);
        const words = own.reduce((n, s) => n + s.words, 0);
        return { slug: entry.id, data: entry.data, sections: own, words, minutes: readingMinutes(words) };
      })
      .sort((a, b) => b.data.date.value.localeCompare(a.data.date.value) || a.data.title.localeCompare(b.data.title));
  })();
  return cache;
}

/** What readers type for what the briefings print: the entities' one-word aliases and other names, and the
 * variants of content/search-aliases.yaml. */
export async function getSearchAliases(): Promise<SearchAlias[]> {
  const [entries, entityFiles] = await Promise.all([getCollection('searchAliases'), getCollection('entities')]);
  return buildSearchAliases(
    entityFiles.sort((a, b) => a.id.localeCompare(b.id)).flatMap((file) => file.data.entities),
    entries.map((e) => ({ term: e.id, means: e.data.means })).sort((a, b) => a.term.localeCompare(b.term)),
  );
}
