// Run as a child process by src/search/pagefind.ts: `node pagefind-indexer.ts <site folder>`.
// Indexes the site's HTML with Pagefind's Node API and writes <site>/pagefind/, then prints one line of JSON
// ({"pages": N}) and exits 0. Any failure exits non-zero with a message on stderr.
//
// It is a process of its own so that the build can stop it (a time limit) and can tell when it died: Pagefind's
// API talks to its binary over a pipe and never settles its promises when the binary exits, so in the build's
// own process a crashed binary left Node with nothing to wait for and the build "succeeded" with no index.
// Here, an empty event loop before the end means exactly that, and exits 1.
//
// Pages are added one by one in sorted order (addHTMLFile), not with addDirectory, which reads the folder in the
// filesystem's own order (tmpfs and ext4 differ) and gave different index files for the same site. Only pages with
// an element marked data-pagefind-body are sent: once any page has one, Pagefind indexes no other page, but it
// still holds every page it is given until it writes the index (at 1,000 briefings, 4,400 pages sent for nothing
// made its binary 400 MB larger, for the same index files byte for byte).
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { close, createIndex } from 'pagefind';

const siteDir = process.argv[2];
/** The line it prints once it has listed the pages, before it reads any (LISTED in src/search/pagefind.ts). */
const LISTED = 'listed';
let finished = false;

/** The line the build shows: marked, so that it stands out from what Pagefind's library logs. */
const REASON = 'pagefind-indexer: ';
const fail = (message: string) => {
  finished = true;
  process.stderr.write(`${REASON}${message}\n`);
  process.exitCode = 1;
};

const binaryDied = () => {
  const variable = ['PAGEFIND_EXTENDED_BINARY_PATH', 'PAGEFIND_BINARY_PATH'].find((name) => process.env[name]);
  return `Pagefind's binary${variable ? ` (${process.env[variable]}, from ${variable})` : ''} exited or was killed before the index was written`;
};

process.on('beforeExit', () => {
  if (!finished) fail(binaryDied());
});

/** An element marked for indexing: the attribute itself, not the words in a page's text. */
const BODY = /<[a-z][^>]*\sdata-pagefind-body[\s=>/]/i;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith(`pagefind${sep}`))
    .map((file) => file.split(sep).join('/'))
    .sort();
}

async function main() {
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let pages = 0;
  const files = htmlFiles(siteDir);
  // The build may rewrite pages (each replaced whole) once they are listed: a folder listed while its files are
  // renamed over could miss one.
  process.stdout.write(`${LISTED}\n`);
  for (const file of files) {
    const content = readFileSync(join(siteDir, file), 'utf8');
    if (!BODY.test(content)) continue;
    const added = await index.addHTMLFile({ sourcePath: file, content });
    if (added.errors.length) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
    // Pagefind keeps only pages with data-pagefind-body once any page has one; it reports the others too.
    if (added.file?.url) pages += 1;
  }
  const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  finished = true;
  await close();
  process.stdout.write(`${JSON.stringify({ pages })}\n`);
}

main().catch(async (error: Error | string) => {
  const message = error instanceof Error ? error.message : String(error);
  fail(/backend closed/i.test(message) ? binaryDied() : message);
  await close().catch(() => {});
});
