// The content model, validated once: by Astro's collections at build time (src/content.config.ts)
// and by the library check that runs before every build (src/content/check.ts).
import { z } from 'astro/zod';
import { SLUG_PATTERN } from './files.ts';
import { ENTITY_TYPES } from './entity-types.ts';

const text = z.string().trim().min(1, 'must not be empty');
const slug = z.string().regex(SLUG_PATTERN, 'must be lowercase words joined by hyphens');
/** A calendar date as precise as the record allows: `2017`, `2020-06` or `2020-06-08`. */
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

const sourceSchema = z.strictObject({
  id: slug,
  outlet: text,
  title: text,
  author: text.optional(),
  date: partialDate,
});

export const briefingSchema = z.strictObject({
  title: text,
  dek: text,
  date: z.strictObject({
    value: partialDate,
    inferred: z.boolean(),
    basis: text.optional(),
  }),
  source: z.strictObject({ title: text, statement: text }),
  sources: z.array(sourceSchema).default([]),
  notes: z.strictObject({
    removed: z.array(z.strictObject({ text, where: slug, reason: text })).default([]),
    corrections: z.array(z.strictObject({ from: text, to: text, reason: text })).default([]),
    spellings: z.array(z.strictObject({ printed: text, record: text, reason: text })).default([]),
    editorial: text,
  }),
});

const person = z.strictObject({ name: text, role: text });

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

const eventSchema = z.strictObject({
  title: text,
  host: text,
  attendance: z.enum(['online', 'offline', 'mixed']),
  when: z.strictObject({
    /** The date and time exactly as the source prints them. */
    printed: text,
    weekday: z.enum(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    start: clockTime,
    end: clockTime,
    zone: text,
    utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/, 'must be like -04:00'),
  }),
  panels: z
    .array(z.strictObject({ id: slug, title: text, moderator: person, speakers: z.array(person).min(1) }))
    .min(1),
  cosponsors: z.array(text).default([]),
});

export const sectionSchema = z.strictObject({
  title: text,
  description: text,
  event: eventSchema.optional(),
});

/** One entry of content/search-aliases.yaml; the key is what readers type. */
export const searchAliasSchema = z.strictObject({ means: z.array(text).min(1) });
export const searchAliasesSchema = z.record(z.string().regex(/^\S+$/, 'must be one word'), searchAliasSchema);

/**
 * A name of an entity that the briefing does not print but readers search by: its name in Chinese, an
 * abbreviation, its official name. Each must be a real, public name of that entity, so each says where it is from.
 */
const otherNameSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .regex(/^\S+$/, 'must be one word, as readers type it (an abbreviation, a name in Chinese)'),
  /** The language tag of a name in another script, e.g. `zh-Hans` (simplified) or `zh-Hant` (traditional). */
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as zh-Hans')
    .optional(),
  /** A public reference that gives this name for this entity: its own site, an encyclopaedia entry. */
  source: z.url({ protocol: /^https?$/, message: 'must be the web address of a public reference that gives the name' }),
});

/** One person, organisation or concept a briefing names (content/<briefing>/entities.yaml). */
const entitySchema = z.strictObject({
  slug,
  name: text,
  type: z.enum(ENTITY_TYPES),
  /** Other spellings that name only this entity, e.g. "ASPI"; the name itself is always matched. */
  aliases: z.array(text).default([]),
  /** `sensitive` (the default) matches names as written; `insensitive` also "United Front" for "united front". */
  case: z.enum(['sensitive', 'insensitive']).default('sensitive'),
  /** One line, drawn from what the briefing itself says. */
  description: text,
  /** An editors' note, e.g. where the source's spelling differs from the public record. */
  note: text.optional(),
  /** Names readers search by that the text does not print (in Chinese, abbreviations), each with its source. */
  otherNames: z.array(otherNameSchema).default([]),
});

export const entitiesFileSchema = z.strictObject({ entities: z.array(entitySchema).default([]) });

/** What briefing.yaml says of a briefing (the page-side briefing, with its sections, is src/library/briefings.ts's `Briefing`). */
export type BriefingData = z.infer<typeof briefingSchema>;
export type SectionData = z.infer<typeof sectionSchema>;
export type BriefingEvent = z.infer<typeof eventSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Entity = z.infer<typeof entitySchema>;
