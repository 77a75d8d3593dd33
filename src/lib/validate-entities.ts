// The content rules for entities (content/<briefing>/entities.yaml), part of the library check:
// a valid file, one slug per entity, no name, alias or other name claimed by two entities anywhere in
// the library, the same slug meaning the same entity in every briefing, and every entity mentioned.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createMatcher, findMentions, mentionableText, namesOf } from './mentions';
import { programmeLines } from './programme-mentions';
import { ENTITIES_FILE } from './briefing-files';
import { entitiesFileSchema, type Entity, type SectionData } from './schemas';

interface Problem {
  file: string;
  field: string;
  message: string;
}

export interface BriefingEntities {
  file: string;
  entities: Entity[];
}

/** Reads a briefing folder's entities file; a folder without one names no entities. */
export function readEntities(dir: string, show: (p: string) => string, problems: Problem[]): BriefingEntities {
  const path = join(dir, ENTITIES_FILE);
  const file = show(path);
  if (!existsSync(path)) return { file, entities: [] };
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push({ file, field: '(file)', message: `is not valid YAML: ${(error as Error).message}` });
    return { file, entities: [] };
  }
  const result = entitiesFileSchema.safeParse(raw ?? {});
  if (!result.success) {
    for (const issue of result.error.issues)
      problems.push({ file, field: issue.path.join('.') || '(root)', message: issue.message });
    return { file, entities: [] };
  }
  return { file, entities: result.data.entities };
}

/** Checks every briefing's entities against each other and against the briefing's text. */
export function checkEntities(
  briefings: { entities: BriefingEntities; sections: { body: string; data: SectionData }[] }[],
  problems: Problem[],
  options = { mentions: true },
) {
  const claims = new Map<string, { slug: string; name: string; file: string; insensitive: boolean }[]>();
  const bySlug = new Map<string, { entity: Entity; file: string }>();
  for (const { entities, sections } of briefings) {
    const seen = new Set<string>();
    const text = sections
      .flatMap((s) => [
        mentionableText(s.body),
        ...(s.data.event ? programmeLines(s.data.event).map((l) => l.text) : []),
      ])
      .join('\n');
    const mentioned = new Set(findMentions(text, createMatcher(entities.entities)).map((m) => m.entity));
    entities.entities.forEach((entity, i) => {
      const at = (field: string) => `entities.${i}.${field}`;
      if (seen.has(entity.slug)) {
        problems.push({
          file: entities.file,
          field: at('slug'),
          message: `"${entity.slug}" is given to two entities in this file`,
        });
      }
      seen.add(entity.slug);
      const same = bySlug.get(entity.slug);
      if (same && (same.entity.name !== entity.name || same.entity.type !== entity.type)) {
        problems.push({
          file: entities.file,
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
            field: at(`otherNames.${j}.name`),
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
            field:
              name === entity.name
                ? at('name')
                : printed.includes(name)
                  ? at('aliases')
                  : at(`otherNames.${searched.indexOf(name)}.name`),
            message: `"${name}" is also claimed by the entity "${rival.slug}" (${rival.file}); a name or alias must name one entity only`,
          });
        }
        claims.set(name.toLowerCase(), [...others, claim]);
      }
      if (options.mentions && !mentioned.has(entity.slug)) {
        problems.push({
          file: entities.file,
          field: at('slug'),
          message: `"${entity.name}" is never mentioned in the briefing's text (looked for: ${namesOf(entity).join(', ')})`,
        });
      }
    });
  }
}
