// The data files beside a briefing's sections that Markdown plugins read while a section renders:
// content/<briefing>/entities.yaml and briefing.yaml. Keeping them in the briefing's folder means a
// new briefing stays a matter of adding one folder.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import { briefingSchema, entitiesFileSchema, type Entity } from './schemas';

const ENTITIES_FILE = 'entities.yaml';

const cache = new Map<string, { mtime: number; value: unknown }>();

/**
 * A data file read and validated, cached until it changes. A missing or broken file gives null:
 * the content check, which runs before the build, reports what is wrong with it.
 */
function readData<T extends z.ZodType>(file: string, schema: T): z.infer<T> | null {
  let mtime: number;
  try {
    mtime = statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const cached = cache.get(file);
  if (cached?.mtime === mtime) return cached.value as z.infer<T> | null;
  let value: z.infer<T> | null = null;
  try {
    const parsed = schema.safeParse(parseYaml(readFileSync(file, 'utf8')));
    if (parsed.success) value = parsed.data;
  } catch {
    value = null;
  }
  cache.set(file, { mtime, value });
  return value;
}

/** The entities of the briefing that the section file at `path` belongs to. */
export function entitiesOfSectionFile(path: string): Entity[] {
  return readData(join(dirname(path), ENTITIES_FILE), entitiesFileSchema)?.entities ?? [];
}

/** The ids of the sources (briefing.yaml `sources`) of the briefing the section file belongs to. */
export function sourceIdsOfSectionFile(path: string): string[] {
  return readData(join(dirname(path), 'briefing.yaml'), briefingSchema)?.sources.map((s) => s.id) ?? [];
}
