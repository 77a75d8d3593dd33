// The people, organisations and concepts of the library, with every mention of each. Mentions in
// the text come from the remark plugin (src/entities/remark-entities.ts) through `render(entry)`;
// mentions in an event programme (frontmatter data) from src/entities/programme-mentions.ts.
import { getCollection, render } from 'astro:content';
import { getLibrary, type Briefing, type Section } from './briefings';
import { PROGRAMME_HEADING, programmeMentions } from '../entities/programme-mentions';
import type { RecordedMention } from '../entities/remark-entities';
import type { Entity } from '../model/schemas';

export interface Mention extends RecordedMention {
  briefing: Briefing;
  section: Section;
}

export interface LibraryEntity extends Entity {
  /** What each briefing that names the entity says of it. */
  descriptions: { briefing: Briefing; description: string; note?: string }[];
  mentions: Mention[];
}

let entitiesByBriefing: Promise<Map<string, Entity[]>> | undefined;

/** The entities a briefing names, as its entities.yaml lists them. */
export async function briefingEntities(briefing: string): Promise<Entity[]> {
  // Read into a map once per build: every section page asks, and a collection query copies every briefing's
  // entry, which at 1,000 briefings made this a thousand copies for each of some 15,000 questions.
  if (import.meta.env.DEV) entitiesByBriefing = undefined;
  entitiesByBriefing ??= getCollection('entities').then(
    (entries) => new Map(entries.map((entry) => [entry.id, entry.data.entities])),
  );
  return (await entitiesByBriefing).get(briefing) ?? [];
}

/** Every mention in a section, in reading order: the text's, with the programme's under its heading. */
async function sectionMentions(section: Section): Promise<RecordedMention[]> {
  const { remarkPluginFrontmatter, headings } = await render(section.entry);
  const inText: RecordedMention[] = remarkPluginFrontmatter.entityMentions ?? [];
  const event = section.entry.data.event;
  if (!event) return inText;
  const inProgramme = programmeMentions(event, await briefingEntities(section.briefing));
  const order = headings.map((h) => h.slug);
  const programmeAt = order.includes(PROGRAMME_HEADING) ? order.indexOf(PROGRAMME_HEADING) : order.length;
  const split = inText.findIndex((m) => m.heading !== null && order.indexOf(m.heading) > programmeAt);
  return split === -1
    ? [...inText, ...inProgramme]
    : [...inText.slice(0, split), ...inProgramme, ...inText.slice(split)];
}

/** The entities a section mentions, each once, in the order of their first mention. */
export async function sectionEntities(section: Section): Promise<Entity[]> {
  const all = await briefingEntities(section.briefing);
  const slugs = [...new Set((await sectionMentions(section)).map((m) => m.entity))];
  return slugs.map((slug) => all.find((e) => e.slug === slug)).filter((e): e is Entity => e !== undefined);
}

let cache: Promise<LibraryEntity[]> | undefined;

/** Every entity of the library, A–Z by name, with every mention across all briefings. */
export function getEntities(): Promise<LibraryEntity[]> {
  if (import.meta.env.DEV) cache = undefined;
  cache ??= (async () => {
    const bySlug = new Map<string, LibraryEntity>();
    for (const briefing of await getLibrary()) {
      for (const entity of await briefingEntities(briefing.slug)) {
        const known = bySlug.get(entity.slug) ?? { ...entity, descriptions: [], mentions: [] };
        known.descriptions.push({ briefing, description: entity.description, note: entity.note });
        bySlug.set(entity.slug, known);
      }
      for (const section of briefing.sections) {
        for (const mention of await sectionMentions(section)) {
          bySlug.get(mention.entity)?.mentions.push({ ...mention, briefing, section });
        }
      }
    }
    return [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  })();
  return cache;
}
