// How entity types are named and ordered on the site: people, organisations, concepts.
import { ENTITY_TYPES, type Entity, type EntityType } from './schemas';

export const TYPE_LABELS: Record<EntityType, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  organisation: { one: 'Organisation', many: 'Organisations' },
  concept: { one: 'Concept', many: 'Concepts' },
};

/** The entities grouped by type (people, organisations, concepts), each group A–Z. */
export function groupByType<T extends Pick<Entity, 'type'>>(entities: T[]): { type: EntityType; entities: T[] }[] {
  return ENTITY_TYPES.map((type) => ({ type, entities: entities.filter((e) => e.type === type) })).filter(
    (g) => g.entities.length > 0,
  );
}
