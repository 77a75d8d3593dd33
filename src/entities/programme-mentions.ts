// Mentions in an event programme, which lives in a section's frontmatter rather than its text: the
// names and roles of moderators and speakers, each anchored at its own line of the programme.
import { createMatcher, findMentions, type Nameable } from './mentions.ts';
import type { RecordedMention } from './remark-entities';
import type { BriefingEvent } from '../model/schemas';

/** The id of the heading an event section's programme sits under (its heading's id comment names it). */
export const PROGRAMME_HEADING = 'programme';

/**
 * The id of a moderator's or speaker's line: the panel's id and the name, e.g. `panel-media-xiao-qiang`.
 * Stable while the programme is reordered or a role reworded; the panel makes it unique when one person
 * sits on two panels.
 */
export function programmeLineId(panel: string, name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${panel}-${words}`;
}

/** The programme's lines as the reader sees them, with the ids of their panel and of the line itself. */
export function programmeLines(event: BriefingEvent): { panel: string; id: string; text: string }[] {
  return event.panels.flatMap((panel) => [
    {
      panel: panel.id,
      id: programmeLineId(panel.id, panel.moderator.name),
      text: `Moderator: ${panel.moderator.name}, ${panel.moderator.role}`,
    },
    ...panel.speakers.map((s) => ({
      panel: panel.id,
      id: programmeLineId(panel.id, s.name),
      text: `${s.name}, ${s.role}`,
    })),
  ]);
}

export function programmeMentions(event: BriefingEvent, entities: Nameable[]): RecordedMention[] {
  const matcher = createMatcher(entities);
  return programmeLines(event).flatMap(({ panel, id, text }) =>
    findMentions(text, matcher).map((m) => ({
      entity: m.entity,
      text: m.text,
      anchor: id,
      heading: panel,
      snippet: text,
    })),
  );
}
