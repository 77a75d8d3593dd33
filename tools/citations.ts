// The pages' citations of `npm run build`, formatted in a process of their own before Astro renders the pages:
// tools/build.ts starts it once the content check has passed and sends it every work the pages cite
// (libraryCitedWorks in src/library/cited-works.ts) and the file to write; it answers with the number formatted.
// citeproc takes some 2 ms a citation with APA's style, two citations a page: at 1,000 briefings that was the
// largest single cost of Astro's rendering, which now only looks each one up (pageCitation).
import { readFileSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { cslItem, type CitedWork } from '../src/formats/citation.ts';

export interface CitationsRequest {
  works: CitedWork[];
  file: string;
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

process.once('message', ({ works, file }: CitationsRequest) => {
  const formatted: Record<string, unknown> = {};
  for (const style of Object.keys(CITATION_STYLES) as CitationStyle[]) {
    for (const work of works) {
      const item = cslItem(work);
      formatted[citationKey(item, style)] = formatCitation(item, style);
    }
  }
  writeFileSync(file, JSON.stringify(formatted));
  process.send!({ formatted: Object.keys(formatted).length }, () => process.exit(0));
});
