// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { remarkHeadingIds } from './src/lib/remark-heading-ids';
import { remarkCrossLinks } from './src/lib/remark-cross-links';
import { rehypeFootnoteIds } from './src/lib/rehype-footnote-ids';
import { rehypePassageLinks } from './src/lib/rehype-passage-links';
import { remarkEntities } from './src/lib/remark-entities';
import { remarkSourceLinks } from './src/lib/remark-source-links';
import { entitiesOfSectionFile, sourceIdsOfSectionFile } from './src/lib/briefing-files';
import { contentCheck } from './src/integrations/content-check';
import { pagefind } from './src/integrations/pagefind';
import { offline } from './src/integrations/offline';
import { securityHeaders } from './src/integrations/security-headers';
import { sitemap } from './src/integrations/sitemap';
import { deploySettings } from './src/integrations/deploy-settings';
import { CSP_DIRECTIVES, INLINE_SCRIPT_HASHES, SCRIPT_RESOURCES, STYLE_RESOURCES } from './src/lib/security-policy';
import { basePath, contentDir, outDir, siteOrigin } from './src/site-config';

const base = basePath();

export default defineConfig({
  site: siteOrigin(),
  base,
  outDir: outDir(),
  // Per checkout, not inside node_modules, so parallel checkouts sharing node_modules never collide.
  cacheDir: './.cache/astro',
  trailingSlash: 'always',
  // Two pages at a time: while one page's social card is rasterised and encoded on Node's thread pool
  // (src/lib/social-card.ts), the next page renders on the main thread.
  build: { concurrency: 2 },
  // Astro 7's default whitespace rules are JSX's, the same ones Prettier formats .astro templates by: a
  // space between inline elements on different lines is written as {' '}.
  // Modules the page script loads on demand are bundled as ES modules of their own (see src/scripts/site.ts).
  vite: { worker: { format: 'es' } },
  // A strict Content-Security-Policy in every page's <meta>; src/lib/security-policy.ts explains it.
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: SCRIPT_RESOURCES, hashes: INLINE_SCRIPT_HASHES },
      styleDirective: { resources: STYLE_RESOURCES },
    },
  },
  markdown: {
    processor: unified({
      gfm: true,
      smartypants: false,
      remarkPlugins: [
        remarkGfm,
        remarkHeadingIds,
        [remarkCrossLinks, { base }],
        [remarkEntities, { entitiesFor: entitiesOfSectionFile }],
        [remarkSourceLinks, { base, sourcesFor: sourceIdsOfSectionFile }],
      ],
      rehypePlugins: [rehypeFootnoteIds, rehypePassageLinks],
      remarkRehype: {
        footnoteLabel: 'Notes',
        footnoteLabelTagName: 'h2',
        footnoteLabelProperties: { className: ['footnotes-label'] },
        footnoteBackLabel: (/** @type {number} */ index) => `Back to the text of note ${index + 1}`,
      },
    }),
  },
  integrations: [
    deploySettings(),
    contentCheck({ contentDir: contentDir() }),
    mdx(),
    ...sitemap(),
    pagefind(),
    securityHeaders(),
    // Last: it counts and hashes the files as they are served.
    offline(),
  ],
});
