// Modules the page script loads on demand. Each is bundled as an ES module of its own (Vite's worker
// bundling: `?worker&url` gives its URL), so the page script carries no module-preload helper and stays
// within the 3 KB budget. Bundled apart, a module has no importer to export to: one the page script calls into
// registers here (search and the hit highlighter need no call: they set themselves up when imported).
// Each such module adds its name and type to `LazyModules` itself (see share-links.ts), so this file imports none.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the modules that register
export interface LazyModules {}

type Registry = Partial<LazyModules>;
const registry = (): Registry => ((window as unknown as { readerModules?: Registry }).readerModules ??= {});

export function register<K extends keyof LazyModules>(name: K, module: LazyModules[K]): void {
  registry()[name] = module;
}

/** Loads a module bundled apart (once) and returns what it registered. */
export async function load<K extends keyof LazyModules>(name: K, url: string): Promise<LazyModules[K]> {
  await import(/* @vite-ignore */ url);
  return registry()[name]!;
}
