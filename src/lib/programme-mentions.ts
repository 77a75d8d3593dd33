// Mentions in an event programme, which lives in a section's frontmatter rather than its text: the
// names and roles of moderators and speakers, each anchored at its panel's heading.
import { createMatcher, findMentions, type Nameable } from './mentions.ts';
import type { RecordedMention } from './remark-entities';
import type { BriefingEvent } from './schemas';

/** The programme's lines as the reader sees them, with the id of the panel they belong to. */
export function programmeLines(event: BriefingEvent): { panel: string; text: string }[] {
  return event.panels.flatMap((panel) => [
    { panel: panel.id, text: `Moderator: ${panel.moderator.name}, ${panel.moderator.role}` },
    ...panel.speakers.map((s) => ({ panel: panel.id, text: `${s.name}, ${s.role}` })),
  ]);
}

export function programmeMentions(event: BriefingEvent, entities: Nameable[]): RecordedMention[] {
  const matcher = createMatcher(entities);
  return programmeLines(event).flatMap(({ panel, text }) =>
    findMentions(text, matcher).map((m) => ({
      entity: m.entity,
      text: m.text,
      anchor: panel,
      heading: panel,
      snippet: text,
    })),
  );
}
