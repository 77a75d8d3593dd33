// Astro's data collections of the YAML files (briefings, entities, search aliases), fed from the content loader
// (src/content/load.ts) instead of Astro's own file loaders, so that the pages read exactly what the content
// check read: the same YAML parser (Astro's loaders use another, which reads an unquoted 2020-06-08 as a date,
// not the text the check accepted), the same Zod schemas, the same folder rules. The sections stay with Astro's
// glob loader, which compiles their MDX.
import { fileURLToPath } from 'node:url';
import { relative, resolve, sep } from 'node:path';
import type { Loader } from 'astro/loaders';
import { ContentError } from './problems.ts';
import { libraryYaml } from './briefing-yaml.ts';
import type { LoadedLibrary } from './load.ts';

interface LibraryEntry {
  id: string;
  data: Record<string, unknown>;
  /** The file it is read from, as messages show it (relative to the project, or absolute outside it). */
  file?: string;
}

/** A collection of the entries `entriesOf` picks from the library's YAML; read again when a YAML file changes. */
export function libraryLoader(contentDir: string, entriesOf: (library: LoadedLibrary) => LibraryEntry[]): Loader {
  return {
    name: 'reader:library',
    load: async ({ config, store, parseData, generateDigest, watcher, logger }) => {
      const root = fileURLToPath(config.root);
      const dir = resolve(root, contentDir);
      const sync = async () => {
        const library = await libraryYaml(dir, root);
        if (library.problems.length) throw new ContentError(library.problems);
        const entries = entriesOf(library);
        // Relative to the project, as Astro's data store wants it (`../` for a content folder outside it).
        const filePath = (file?: string) => file && relative(root, resolve(root, file)).split(sep).join('/');
        // Validated by the loader already; parseData gives Astro the collection's types and defaults.
        const parsed = await Promise.all(
          entries.map(({ id, data, file }) => parseData({ id, data, filePath: filePath(file) })),
        );
        store.clear();
        entries.forEach(({ id, file }, i) =>
          store.set({ id, data: parsed[i], filePath: filePath(file), digest: generateDigest(parsed[i]) }),
        );
      };
      await sync();
      if (!watcher) return;
      // In `astro dev`: an edited YAML file is read again; a broken one leaves the last good entries in place
      // and says what is wrong, as the content check would.
      watcher.add(dir);
      const changed = async (path: string) => {
        if (!path.endsWith('.yaml') || relative(dir, path).startsWith(`..${sep}`)) return;
        try {
          await sync();
        } catch (error) {
          logger.error((error as Error).message);
        }
      };
      for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, changed);
    },
  };
}
