// Reading the Pagefind index the build wrote: its fragments hold, per page, the text Pagefind indexed (the words
// a search matches and excerpts quote), the page's metadata (searched too) and its filters.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DIST } from './dist';

export interface IndexedPage {
  url: string;
  content: string;
  word_count: number;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: { element: string; id: string; text: string; location: number }[];
}

/** Pagefind's files are gzipped and start with a signature before their JSON. */
function decodePagefindFile(bytes: Buffer): string {
  const text = gunzipSync(bytes).toString('utf8');
  return text.startsWith('pagefind_dcd') ? text.slice('pagefind_dcd'.length) : text;
}

/** Every page in the index, by URL. */
export function indexedPages(root = DIST): Map<string, IndexedPage> {
  const dir = join(root, 'pagefind', 'fragment');
  const pages = new Map<string, IndexedPage>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.pf_fragment'))) {
    const page = JSON.parse(decodePagefindFile(readFileSync(join(dir, name)))) as IndexedPage;
    pages.set(page.url, page);
  }
  return pages;
}
