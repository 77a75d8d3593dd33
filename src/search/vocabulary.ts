// The vocabulary behind "Did you mean …?", written once Pagefind has indexed the site: every word of the text
// Pagefind indexed (read back from its fragment files, so it is exactly what search can find), with how often it
// occurs, plus the search aliases; one small JSON file per first letter a–z in pagefind/vocabulary/ (`u.json`) and
// `other.json` for the words of other scripts, each written even when empty, so that a suggestion fetches one small
// file however large the library grows, and nothing else. Written in a fixed order: builds stay identical.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VOCABULARY_KEYS, buildVocabulary } from './suggest.ts';

/** Pagefind's fragment files are gzipped JSON after a signature. */
function readFragment(path: string): { content?: string } {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  return JSON.parse(text.startsWith('pagefind_dcd') ? text.slice('pagefind_dcd'.length) : text) as { content?: string };
}

/** Writes `<outDir>/pagefind/vocabulary/<key>.json` and returns how many files it wrote. */
export function writeSearchVocabulary(outDir: string): number {
  const bundle = join(outDir, 'pagefind');
  const fragments = join(bundle, 'fragment');
  const texts = readdirSync(fragments)
    .filter((name) => name.endsWith('.pf_fragment'))
    .sort()
    .map((name) => readFragment(join(fragments, name)).content ?? '');
  let aliases: { term: string }[] = [];
  try {
    aliases = JSON.parse(readFileSync(join(outDir, 'search-aliases.json'), 'utf8')) as { term: string }[];
  } catch {
    // no aliases file: the vocabulary is the text's words alone
  }
  const files = buildVocabulary(
    texts,
    aliases.map((a) => a.term),
  );
  const dir = join(bundle, 'vocabulary');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const key of VOCABULARY_KEYS) writeFileSync(join(dir, `${key}.json`), JSON.stringify(files.get(key) ?? []));
  return VOCABULARY_KEYS.length;
}
