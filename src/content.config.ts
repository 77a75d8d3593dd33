import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { briefingSchema, entitiesFileSchema, searchAliasSchema, sectionSchema } from './lib/schemas';
import { parseSectionFileName, sectionId } from './lib/content-files';
import { contentDir } from './site-config';

const base = contentDir();

const briefings = defineCollection({
  loader: glob({
    pattern: '*/briefing.yaml',
    base,
    generateId: ({ entry }) => entry.split('/')[0],
  }),
  schema: briefingSchema,
});

const sections = defineCollection({
  loader: glob({
    pattern: '*/[0-9][0-9]-*.mdx',
    base,
    // `china-united-front/03-sharp-power.mdx` → `china-united-front/sharp-power`
    generateId: ({ entry }) => {
      const [briefing, file] = entry.split('/');
      return sectionId(briefing, parseSectionFileName(file)?.slug ?? file);
    },
  }),
  schema: sectionSchema,
});

// What readers type for what the briefings print (UFWD → United Front Work Department).
const searchAliases = defineCollection({
  loader: file(`${base}/search-aliases.yaml`),
  schema: searchAliasSchema,
});

// One entry per briefing: the people, organisations and concepts it names (see src/lib/validate-entities.ts).
const entities = defineCollection({
  loader: glob({
    pattern: '*/entities.yaml',
    base,
    generateId: ({ entry }) => entry.split('/')[0],
  }),
  schema: entitiesFileSchema,
});

export const collections = { briefings, sections, searchAliases, entities };
