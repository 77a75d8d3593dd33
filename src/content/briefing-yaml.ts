// The briefings' YAML (briefing.yaml, entities.yaml, search-aliases.yaml) as the site reads it while it builds, read
// and validated by the content loader (src/content/load.ts), the same reading the content check made before the
// build. Read once a process: Astro's data collections (src/content/collections-loader.ts) read the whole library, and the
// Markdown plugins then find each section's briefing here without reading it again. Astro loads the collections and
// the plugins as separate copies of this module, so the memo lives on `globalThis`. Every file is stamped with its
// modification time, so that in `astro dev` what changed is read again.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadBriefing, loadLibrary, type LoadedBriefing, type LoadedLibrary } from './load.ts';
import type { Entity } from '../model/schemas.ts';

interface Memo {
  /** Each briefing folder's YAML, with the stamp of its files when it was read. */
  briefings: Map<string, { stamp: string; briefing: LoadedBriefing }>;
  /** The last whole library read, with the stamp of all its YAML files. */
  library?: { key: string; stamp: string; library: LoadedLibrary };
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

/** Every briefing's YAML and the search aliases (no sections): read once, and again when a YAML file changed. */
export function loadLibraryYaml(contentDir: string, displayRoot: string): LoadedLibrary {
  // Stamped before they are read, so that a file changed while it is read is read again next time.
  let folders: Dirent[] = [];
  try {
    folders = readdirSync(contentDir, { withFileTypes: true }).filter((e) => e.isDirectory());
  } catch {
    // No such folder: the loader says so.
  }
  const stamps = new Map(folders.map((e) => [resolve(contentDir, e.name), stampOf(join(contentDir, e.name))]));
  const key = `${resolve(contentDir)}\n${displayRoot}`;
  const stamp = `${[...stamps].join('\n')}\n${mtimeOf(join(contentDir, 'search-aliases.yaml'))}`;
  if (memo.library?.key === key && memo.library.stamp === stamp) return memo.library.library;
  const library = loadLibrary(contentDir, displayRoot, { sections: false, lines: false });
  memo.library = { key, stamp, library };
  for (const briefing of library.briefings) {
    const dir = resolve(briefing.dir);
    const folderStamp = stamps.get(dir);
    if (folderStamp) memo.briefings.set(dir, { stamp: folderStamp, briefing });
  }
  return library;
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
