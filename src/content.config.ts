import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { briefingSchema, entitiesFileSchema, searchAliasSchema, sectionSchema } from './model/schemas';
import { parseSectionFileName, sectionId } from './model/files';
import { libraryLoader } from './content/collections-loader';
import { contentDir } from './site/config';

const base = contentDir();

// The YAML files come from the content loader (src/content/load.ts), as the content check read them.
const briefings = defineCollection({
  loader: libraryLoader(base, (library) =>
    library.briefings.map((b) => ({ id: b.slug, data: { ...b.data }, file: b.file })),
  ),
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
    // Pages take what they need of the text (words, indexed text) from the content loader, and Astro compiles
    // the MDX from the file: the raw text need not be kept in the data store too.
    retainBody: false,
  }),
  schema: sectionSchema,
});

// What readers type for what the briefings print (UFWD → United Front Work Department).
const searchAliases = defineCollection({
  loader: libraryLoader(base, (library) =>
    Object.entries(library.searchAliases.aliases ?? {}).map(([term, entry]) => ({
      id: term,
      data: { ...entry },
      file: library.searchAliases.file,
    })),
  ),
  schema: searchAliasSchema,
});

// One entry per briefing: the people, organisations and concepts it names (see src/content/check-entities.ts).
const entities = defineCollection({
  loader: libraryLoader(base, (library) =>
    library.briefings.map((b) => ({ id: b.slug, data: { entities: b.entities.entities }, file: b.entities.file })),
  ),
  schema: entitiesFileSchema,
});

export const collections = { briefings, sections, searchAliases, entities };
