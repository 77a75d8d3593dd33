// The briefings' YAML (briefing.yaml, entities.yaml, search-aliases.yaml) as the site reads it while it builds, read
// and validated by the content loader (src/content/load.ts), the same reading the content check made before the
// build. Read once a process: Astro's data collections (src/content/collections-loader.ts) read the whole library, and the
// Markdown plugins then find each section's briefing here without reading it again. Astro loads the collections and
// the plugins as separate copies of this module, so the memo lives on `globalThis`. Every file is stamped with its
// modification time, so that in `astro dev` what changed is read again. Under `npm run build` the YAML is normally
// not parsed here at all: the content check, which has just read and validated it, writes it as JSON (CHECKED_YAML
// in src/site/build-env.ts), and the library is that (a file changed since is read again for the Markdown plugins).
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  loadBriefing,
  loadLibrary,
  shownFrom,
  type LoadedBriefing,
  type LoadedEntities,
  type LoadedLibrary,
} from './load.ts';
import type { Entity } from '../model/schemas.ts';
import { CHECKED_YAML } from '../site/build-env.ts';
import { checkedYamlWritten } from '../site/build-signals.ts';

interface Memo {
  /** Each briefing folder's YAML, with the stamp of its files when it was read. */
  briefings: Map<string, { stamp: string; briefing: LoadedBriefing }>;
  /** The last whole library read, with the stamp of all its YAML files. */
  library?: { key: string; stamp: string; library: LoadedLibrary };
  /** The library as the content check wrote it (CHECKED_YAML), once asked for. */
  checked?: Promise<LoadedLibrary>;
}
const MEMO = Symbol.for('research-reader:briefing-yaml');
const memo: Memo = ((globalThis as { [MEMO]?: Memo })[MEMO] ??= { briefings: new Map() });

function mtimeOf(path: string): string {
  try {
    return String(statSync(path).mtimeMs);
  } catch {
    return '-';
  }
}

/** When a briefing folder's YAML files were last changed. */
const stampOf = (dir: string) => `${mtimeOf(join(dir, 'briefing.yaml'))} ${mtimeOf(join(dir, 'entities.yaml'))}`;

/** The stamps of a content folder's YAML files: each briefing folder's, and the whole library's. */
function libraryStamps(contentDir: string): { stamps: Map<string, string>; stamp: string } {
  let folders: Dirent[] = [];
  try {
    folders = readdirSync(contentDir, { withFileTypes: true }).filter((e) => e.isDirectory());
  } catch {
    // No such folder: the loader says so.
  }
  const stamps = new Map(folders.map((e) => [resolve(contentDir, e.name), stampOf(join(contentDir, e.name))]));
  return { stamps, stamp: `${[...stamps].join('\n')}\n${mtimeOf(join(contentDir, 'search-aliases.yaml'))}` };
}

/** Keeps `library` as the last read of `contentDir`, and each of its briefings for the Markdown plugins. */
function remember(contentDir: string, displayRoot: string, library: LoadedLibrary, stamps: Map<string, string>, stamp: string) {
  memo.library = { key: `${resolve(contentDir)}\n${displayRoot}`, stamp, library };
  for (const briefing of library.briefings) {
    const dir = resolve(briefing.dir);
    const folderStamp = stamps.get(dir);
    if (folderStamp) memo.briefings.set(dir, { stamp: folderStamp, briefing });
  }
}

/** Every briefing's YAML and the search aliases (no sections): read once, and again when a YAML file changed. */
function loadLibraryYaml(contentDir: string, displayRoot: string): LoadedLibrary {
  // Stamped before they are read, so that a file changed while it is read is read again next time.
  const { stamps, stamp } = libraryStamps(contentDir);
  const key = `${resolve(contentDir)}\n${displayRoot}`;
  if (memo.library?.key === key && memo.library.stamp === stamp) return memo.library.library;
  const library = loadLibrary(contentDir, displayRoot, { sections: false, lines: false });
  remember(contentDir, displayRoot, library, stamps, stamp);
  return library;
}

/** A library's YAML as JSON carries it: what loadLibraryYaml reads, without the lines of its fields. */
export interface LibraryYaml {
  briefings: (Pick<LoadedBriefing, 'slug' | 'dir' | 'file' | 'data'> & { entities: Omit<LoadedEntities, 'lineOf'> })[];
  searchAliases: Omit<LoadedLibrary['searchAliases'], 'lineOf'>;
}

/** The YAML part of a library read whole (as the content check reads it), to be written as JSON. */
export function yamlOfLibrary(library: Pick<LoadedLibrary, 'briefings' | 'searchAliases'>): LibraryYaml {
  return {
    briefings: library.briefings.map(({ slug, dir, file, data, entities }) => ({
      slug,
      dir,
      file,
      data,
      entities: { file: entities.file, entities: entities.entities },
    })),
    searchAliases: { file: library.searchAliases.file, aliases: library.searchAliases.aliases },
  };
}

/** The library loadLibraryYaml would read, from what yamlOfLibrary wrote of it. */
export function libraryOfYaml(yaml: LibraryYaml, contentDir: string, displayRoot: string): LoadedLibrary {
  const noLine = () => undefined;
  return {
    contentDir,
    briefings: yaml.briefings.map((b) => ({
      ...b,
      lineOf: noLine,
      sections: [],
      entities: { ...b.entities, lineOf: noLine },
    })),
    searchAliases: { ...yaml.searchAliases, lineOf: noLine },
    problems: [],
    complete: true,
    show: shownFrom(displayRoot),
  };
}

/**
 * The library's YAML for Astro's data collections: under `npm run build`, as the content check wrote it once it has
 * passed (asked for once, however many collections ask); otherwise read from the files (loadLibraryYaml).
 */
export async function libraryYaml(contentDir: string, displayRoot: string): Promise<LoadedLibrary> {
  const file = process.env[CHECKED_YAML];
  // Only under the build script, which answers over its IPC channel: anywhere else the files are read.
  if (!file || !process.send) return loadLibraryYaml(contentDir, displayRoot);
  memo.checked ??= checkedYamlWritten().then(() => {
    const { stamps, stamp } = libraryStamps(contentDir);
    const yaml = JSON.parse(readFileSync(file, 'utf8')) as LibraryYaml;
    const library = libraryOfYaml(yaml, contentDir, displayRoot);
    remember(contentDir, displayRoot, library, stamps, stamp);
    return library;
  });
  return memo.checked;
}

/** The briefing of the section file at `path`, its YAML as last read (read now if it changed or was never read). */
function briefingOfSectionFile(path: string): LoadedBriefing {
  const dir = resolve(dirname(path));
  const stamp = stampOf(dir);
  const known = memo.briefings.get(dir);
  if (known?.stamp === stamp) return known.briefing;
  const briefing = loadBriefing(dir, { sections: false, lines: false });
  memo.briefings.set(dir, { stamp, briefing });
  return briefing;
}

/** The entities of the briefing that the section file at `path` belongs to. */
export function entitiesOfSectionFile(path: string): Entity[] {
  return briefingOfSectionFile(path).entities.entities;
}

/** The ids of the sources (briefing.yaml `sources`) of the briefing the section file belongs to. */
export function sourceIdsOfSectionFile(path: string): string[] {
  return briefingOfSectionFile(path).data?.sources.map((s) => s.id) ?? [];
}
