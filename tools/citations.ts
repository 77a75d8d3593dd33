// The citations of `npm run build`, made in a process of their own while Astro bundles the pages: tools/build.ts
// starts it once the content check has passed and sends it every work the pages cite (libraryCitedWorks in
// src/library/cited-works.ts). It writes
// - the APA and Chicago citations the pages show, formatted by citeproc, into `file` (CITATIONS in
//   src/site/build-env.ts): some 2 ms a citation with APA's style, two a page, which at 1,000 briefings was the
//   largest single cost of Astro's rendering; the pages now look each one up (pageCitation);
// - each page's downloads (cite.bib, cite.ris, cite.json) into `outDir`, beside where Astro writes the page: 18,000
//   small files at 1,000 briefings, each of which cost Astro a request, a response and a folder of its own.
// It answers with the number of citations formatted and files written.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerHooks } from 'node:module';
import { CITATION_FORMATS, cslItem, type CitationFormat } from '../src/formats/citation.ts';
import type { CitedFolder } from '../src/library/cited-works.ts';

export interface CitationsRequest {
  works: CitedFolder[];
  file: string;
  outDir: string;
}

// The styles module imports our Chicago style as Vite does, `…csl?raw`: its text as the module's default export.
registerHooks({
  load(url, context, nextLoad) {
    if (!url.endsWith('?raw')) return nextLoad(url, context);
    const text = readFileSync(new URL(url.slice(0, -'?raw'.length)), 'utf8');
    return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
  },
});
const { CITATION_STYLES, citationKey, formatCitation } = await import('../src/formats/citation-styles.ts');
type CitationStyle = keyof typeof CITATION_STYLES;

process.once('message', ({ works, file, outDir }: CitationsRequest) => {
  const formatted: Record<string, unknown> = {};
  for (const style of Object.keys(CITATION_STYLES) as CitationStyle[]) {
    for (const { work } of works) {
      const item = cslItem(work);
      formatted[citationKey(item, style)] = formatCitation(item, style);
    }
  }
  writeFileSync(file, JSON.stringify(formatted));
  let files = 0;
  for (const { dir, work } of works) {
    mkdirSync(join(outDir, dir), { recursive: true });
    for (const format of Object.keys(CITATION_FORMATS) as CitationFormat[]) {
      writeFileSync(join(outDir, dir, `cite.${format}`), CITATION_FORMATS[format].render(work));
      files += 1;
    }
  }
  process.send!({ formatted: Object.keys(formatted).length, files }, () => process.exit(0));
});
