// How entity types are named and ordered on the site: people, organisations, concepts. Imports nothing, so the
// browser's search page can use the labels without the schemas.

export const ENTITY_TYPES = ['person', 'organisation', 'concept'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const TYPE_LABELS: Record<EntityType, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  organisation: { one: 'Organisation', many: 'Organisations' },
  concept: { one: 'Concept', many: 'Concepts' },
};

/** The entities grouped by type (people, organisations, concepts), each group A–Z. */
export function groupByType<T extends { type: EntityType }>(entities: T[]): { type: EntityType; entities: T[] }[] {
  return ENTITY_TYPES.map((type) => ({ type, entities: entities.filter((e) => e.type === type) })).filter(
    (g) => g.entities.length > 0,
  );
}
