// The content rules for entities (content/<briefing>/entities.yaml), part of the library check:
// a valid file, one slug per entity, no name, alias or other name claimed by two entities anywhere in
// the library, the same slug meaning the same entity in every briefing, and every entity mentioned.
import { createMatcher, findMentions, namesOf } from '../entities/mentions.ts';
import { programmeLines } from '../entities/programme-mentions.ts';
import type { ContentProblem } from './problems.ts';
import type { LoadedEntities, LoadedSection } from './load.ts';
import type { Entity } from '../model/schemas.ts';

/** Checks every briefing's entities against each other and against the briefing's text. */
export function checkEntities(
  briefings: { entities: LoadedEntities; sections: Pick<LoadedSection, 'facts' | 'data'>[] }[],
  problems: ContentProblem[],
) {
  const claims = new Map<string, { slug: string; name: string; file: string; insensitive: boolean }[]>();
  const bySlug = new Map<string, { entity: Entity; file: string }>();
  for (const { entities, sections } of briefings) {
    const seen = new Set<string>();
    // Mentions are found where the page marks them: in each run of text outside headings, links, code and
    // notes, and in the lines of an event programme.
    const texts = sections.flatMap((s) => [
      ...(s.facts?.mentionable ?? []),
      ...(s.data?.event ? programmeLines(s.data.event).map((l) => l.text) : []),
    ]);
    const matcher = createMatcher(entities.entities);
    const mentioned = new Set(texts.flatMap((text) => findMentions(text, matcher).map((m) => m.entity)));
    entities.entities.forEach((entity, i) => {
      // Named by slug, with the line, so the editor need not count entries (from 0 or from 1).
      const at = (field: string) => `entities[${entity.slug}].${field}`;
      const line = (...field: (string | number)[]) => ({
        line: entities.lineOf(['entities', i, ...field]) ?? entities.lineOf(['entities', i]),
      });
      if (seen.has(entity.slug)) {
        problems.push({
          file: entities.file,
          ...line('slug'),
          field: at('slug'),
          message: `"${entity.slug}" is given to two entities in this file: give each its own slug`,
        });
      }
      seen.add(entity.slug);
      const same = bySlug.get(entity.slug);
      if (same && (same.entity.name !== entity.name || same.entity.type !== entity.type)) {
        problems.push({
          file: entities.file,
          ...line('slug'),
          field: at('slug'),
          message: `"${entity.slug}" is ${same.entity.name} (${same.entity.type}) in ${same.file}; one slug must name one entity`,
        });
      }
      if (!same) bySlug.set(entity.slug, { entity, file: entities.file });
      const printed = namesOf(entity);
      const searched = entity.otherNames.map((o) => o.name);
      for (const [j, name] of searched.entries()) {
        if (printed.some((p) => p.toLowerCase() === name.toLowerCase()) || searched.indexOf(name) !== j) {
          problems.push({
            file: entities.file,
            ...line('otherNames', j, 'name'),
            field: at(`otherNames[${j + 1}].name`),
            message: `"${name}" is already a name or alias of "${entity.slug}"; list each name once`,
          });
        }
      }
      for (const name of [...printed, ...searched]) {
        const claim = { slug: entity.slug, name, file: entities.file, insensitive: entity.case === 'insensitive' };
        const others = claims.get(name.toLowerCase()) ?? [];
        // "NED" and "Ned" may name two entities only while both are matched as written.
        const rival = others.find(
          (o) => o.slug !== claim.slug && (o.name === name || o.insensitive || claim.insensitive),
        );
        if (rival) {
          problems.push({
            file: entities.file,
            ...(name === entity.name
              ? line('name')
              : printed.includes(name)
                ? line('aliases')
                : line('otherNames', searched.indexOf(name), 'name')),
            field:
              name === entity.name
                ? at('name')
                : printed.includes(name)
                  ? at('aliases')
                  : at(`otherNames[${searched.indexOf(name) + 1}].name`),
            message: `"${name}" is also claimed by the entity "${rival.slug}" (${rival.file}); a name or alias must name one entity only`,
          });
        }
        claims.set(name.toLowerCase(), [...others, claim]);
      }
      if (!mentioned.has(entity.slug)) {
        problems.push({
          file: entities.file,
          ...line('slug'),
          field: at('slug'),
          message: `"${entity.name}" is never mentioned in the briefing's text (looked for: ${namesOf(entity).join(', ')}): add a name the text uses to aliases, or remove the entity`,
        });
      }
    });
  }
}
