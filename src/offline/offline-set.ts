// What "Save for offline" stores for one briefing, computed at build time from the built site: every page of the
// briefing (cover, sections, the all-in-one page), its citation and calendar files, the entity pages and the
// search page it links, the styles and scripts those pages load, and the part of Pagefind's index its searches
// need: pagefind.js, the WebAssembly, the entry and meta files, every filter chunk, the index chunks that hold a
// word of its sections, its sections' fragments and the "Did you mean" vocabulary files its words start.
// Each briefing's set is computed from its own pages and the index chunks that hold them, so its size does not
// grow with the library (the index chunks and filters aside, which Pagefind shares between briefings).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { vocabularyKeysOf } from '../search/suggest.ts';
import { pagesInChunk, readMeta, unpackPagefindFile } from '../search/pagefind-files.ts';

interface OfflineFile {
  /** The URL path the browser asks for (a page by its folder: /briefing/section/). */
  url: string;
  bytes: number;
}

export interface OfflineSet {
  slug: string;
  /** The briefing's title, as its sections' Pagefind `briefing` filter holds it. */
  title: string;
  files: OfflineFile[];
  bytes: number;
}

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[] | undefined>;
}

/** The files of `dist/` as URL paths under the base; `index.html` stands for its folder. */
export const urlOf = (base: string, file: string) => `${base}${file}`.replace(/(^|\/)index\.html$/, '$1');
/** The file of `dist/` a URL path under the base names. */
export const fileOf = (base: string, url: string) => {
  const path = url.slice(base.length);
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
};

/** Same-site URL paths a page or script names: links, assets, and the module URLs written into scripts. */
export function referencedUrls(text: string, base: string): string[] {
  const found = new Set<string>();
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const match of text.matchAll(new RegExp(`(?:href|src)="(${escaped}[^"#?]*)`, 'g'))) found.add(match[1]);
  for (const match of text.matchAll(new RegExp(`${escaped}_astro/[\\w.-]+\\.(?:js|css)`, 'g'))) found.add(match[0]);
  return [...found];
}

/** The offline sets of every briefing of the built site in `dist`. */
export function offlineSets(dist: string, base: string): OfflineSet[] {
  const bundle = join(dist, 'pagefind');
  // Each file's size, or null when it is not a file, looked up once: every briefing's set names the shared files.
  const sizes = new Map<string, number | null>();
  const sizeOrNull = (file: string) => {
    if (!sizes.has(file)) {
      const stat = statSync(join(dist, file), { throwIfNoEntry: false });
      sizes.set(file, stat?.isFile() ? stat.size : null);
    }
    return sizes.get(file)!;
  };
  const exists = (file: string) => sizeOrNull(file) !== null;
  const size = (file: string) => {
    const bytes = sizeOrNull(file);
    if (bytes === null) throw new Error(`the offline list names ${file}, which is not a file of the built site`);
    return bytes;
  };
  const text = (file: string) => readFileSync(join(dist, file), 'utf8');

  const entry = JSON.parse(text('pagefind/pagefind-entry.json')) as {
    languages: Record<string, { hash: string; wasm?: string }>;
  };
  const languages = Object.values(entry.languages);
  const shared = ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json'];
  const fragmentsByBriefing = new Map<string, { hash: string; fragment: Fragment }[]>();
  const chunksByBriefing = new Map<string, Set<string>>();
  for (const language of languages) {
    const metaFile = `pagefind/pagefind.${language.hash}.pf_meta`;
    shared.push(metaFile);
    if (language.wasm && exists(`pagefind/wasm.${language.wasm}.pagefind`))
      shared.push(`pagefind/wasm.${language.wasm}.pagefind`);
    const meta = readMeta(readFileSync(join(dist, metaFile)));
    for (const filter of meta.filters) shared.push(`pagefind/filter/${filter.hash}.pf_filter`);
    const briefingOfPage = meta.pages.map((hash) => {
      const fragment = JSON.parse(
        new TextDecoder().decode(unpackPagefindFile(readFileSync(join(bundle, 'fragment', `${hash}.pf_fragment`)))),
      ) as Fragment;
      // Pagefind keeps URLs from the site's root; the base path is added in the browser (its baseUrl option).
      const slug = fragment.url.replace(/^\//, '').split('/')[0];
      if (!fragmentsByBriefing.has(slug)) fragmentsByBriefing.set(slug, []);
      fragmentsByBriefing.get(slug)!.push({ hash, fragment });
      return slug;
    });
    for (const chunk of meta.chunks) {
      for (const page of pagesInChunk(readFileSync(join(bundle, 'index', `${chunk.hash}.pf_index`)))) {
        const slug = briefingOfPage[page];
        if (!chunksByBriefing.has(slug)) chunksByBriefing.set(slug, new Set());
        chunksByBriefing.get(slug)!.add(`pagefind/index/${chunk.hash}.pf_index`);
      }
    }
  }
  let aliases: string[] = [];
  if (exists('search-aliases.json')) {
    shared.push('search-aliases.json');
    aliases = (JSON.parse(text('search-aliases.json')) as { term: string }[]).map((a) => a.term);
  }
  if (exists('search/index.html')) shared.push('search/index.html');
  // Every file of a briefing's folder, grouped by briefing, read once.
  const byBriefing = new Map<string, string[]>();
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    const path = file.split('\\').join('/');
    const slug = path.split('/')[0];
    if (!path.includes('/') || !fragmentsByBriefing.has(slug) || !exists(path)) continue;
    if (!byBriefing.has(slug)) byBriefing.set(slug, []);
    byBriefing.get(slug)!.push(path);
  }
  // What each page or script names, read once for the whole library (the search page and entity pages are shared).
  const named = new Map<string, string[]>();
  const namedBy = (file: string) => {
    if (!named.has(file)) named.set(file, referencedUrls(text(file), base));
    return named.get(file)!;
  };

  return [...fragmentsByBriefing.keys()].sort().map((slug) => {
    const fragments = fragmentsByBriefing.get(slug)!;
    const files = new Set<string>(shared);
    for (const { hash } of fragments) files.add(`pagefind/fragment/${hash}.pf_fragment`);
    for (const chunk of chunksByBriefing.get(slug) ?? []) files.add(chunk);
    for (const key of vocabularyKeysOf(
      fragments.map((f) => f.fragment.content),
      aliases,
    ))
      if (exists(`pagefind/vocabulary/${key}.json`)) files.add(`pagefind/vocabulary/${key}.json`);
    // The briefing's own folder: its pages, citation and calendar files (not its social cards, which are for other
    // sites to show).
    for (const file of byBriefing.get(slug) ?? []) if (!file.endsWith('.png')) files.add(file);
    // What the briefing's pages load and the entity pages they link to, and what those and the search page load.
    // (Not the entity pages the search page links: its index names every entity of the library.)
    const seen = new Set<string>();
    const follow = (file: string, depth: number) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const url of namedBy(file)) {
        const target = fileOf(base, url);
        if (!exists(target)) continue;
        const isPage = target.endsWith('.html');
        const isAsset = target.startsWith('_astro/') || target === 'favicon.svg';
        const isEntityPage = isPage && target.startsWith('entities/');
        if (isAsset) {
          files.add(target);
          if (target.endsWith('.js')) follow(target, depth);
        } else if (isEntityPage && depth === 0) {
          files.add(target);
          follow(target, 1);
        }
      }
    };
    for (const page of [...files].filter((file) => file.endsWith('.html')))
      follow(page, page === 'search/index.html' ? 1 : 0);
    const list = [...files].sort().map((file) => ({ url: urlOf(base, file), bytes: size(file) }));
    return {
      slug,
      title: fragments[0].fragment.filters.briefing?.[0] ?? slug,
      files: list,
      bytes: list.reduce((sum, f) => sum + f.bytes, 0),
    };
  });
}

/** "1.4 MB", "850 KB": a size as a reader reads it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}
