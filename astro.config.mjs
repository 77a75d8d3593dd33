// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { remarkHeadingIds } from './src/markdown/remark-heading-ids';
import { remarkCrossLinks } from './src/markdown/remark-cross-links';
import { rehypeFootnoteIds } from './src/markdown/rehype-footnote-ids';
import { rehypePassageLinks } from './src/markdown/rehype-passage-links';
import { remarkEntities } from './src/entities/remark-entities';
import { remarkSourceLinks } from './src/markdown/remark-source-links';
import { entitiesOfSectionFile, sourceIdsOfSectionFile } from './src/content/briefing-yaml';
import { contentCheck } from './src/content/check-integration';
import { pagefind } from './src/search/pagefind';
import { offline } from './src/offline/offline-integration';
import { securityHeaders } from './src/site/security-headers';
import { sitemap } from './src/site/sitemap';
import { deploySettings } from './src/site/deploy-settings';
import { CSP_DIRECTIVES, INLINE_SCRIPT_HASHES, SCRIPT_RESOURCES, STYLE_RESOURCES } from './src/site/security-policy';
import { basePath, contentDir, outDir, siteOrigin } from './src/site/config';
import { announceBundled } from './src/site/build-signals';

const base = basePath();

/**
 * Vite 8.3 ends the one stylesheet it writes when CSS is not split (below) with a marker comment of its own that it
 * strips from split stylesheets only: some 20 bytes (brotli) on every first visit.
 * @type {import('vite').Plugin}
 */
const stripViteCssMarker = {
  name: 'reader:strip-vite-css-marker',
  enforce: 'post',
  generateBundle(_options, bundle) {
    for (const file of Object.values(bundle))
      if (file.type === 'asset' && file.fileName.endsWith('.css') && typeof file.source === 'string')
        file.source = file.source.replace(/\/\*\$vite\$:\d+\*\//, '');
  },
};

/**
 * Astro marks the module that carries each section's styles with a "use astro:head-inject" directive of its own, and
 * Rolldown warns, once a section, that it may not keep a module-level directive: twelve lines a section in the
 * build's log (60,000 at 1,000 briefings) about Astro's own marker, which Astro reads before bundling. Only that
 * warning is left out; every other is printed.
 * @type {NonNullable<NonNullable<import('vite').BuildEnvironmentOptions['rolldownOptions']>['onLog']>}
 */
const quietHeadInject = (level, log, handler) => {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"')) return;
  handler(level, log);
};

export default defineConfig({
  site: siteOrigin(),
  base,
  outDir: outDir(),
  // Per checkout, not inside node_modules, so parallel checkouts sharing node_modules never collide.
  cacheDir: './.cache/astro',
  trailingSlash: 'always',
  // Astro 7's default whitespace rules are JSX's, the same ones Prettier formats .astro templates by: a
  // space between inline elements on different lines is written as {' '}.
  // Modules the page script loads on demand are bundled as ES modules of their own (see src/client/site.ts).
  // One stylesheet for the whole site: the global sheets and every component's <style> go into a single file that
  // every page links, so a reader downloads it once and reads it from the cache on every page after, and the offline
  // page finds it. Split per page (Vite's default), a page would load several files, and Astro would inline the
  // small ones as <style> blocks, each needing its own hash in the Content-Security-Policy of the pages and of
  // _headers; `inlineStylesheets: 'never'` keeps any stylesheet a file.
  // The CSS is written for the browsers that read cascade layers (@layer), without which no rule of the site
  // applies: Safari and iOS 15.4 on. Astro builds for the newest browsers, and Lightning CSS (Vite's CSS minifier)
  // would otherwise turn `max-width` queries into the range syntax Safari reads only from 16.4 and leave light-dark()
  // (17.5) as it is; with these targets it writes both out in forms the older engines read.
  vite: {
    worker: { format: 'es' },
    plugins: [stripViteCssMarker, announceBundled],
    build: {
      cssCodeSplit: false,
      cssTarget: ['chrome99', 'edge99', 'firefox97', 'safari15.4', 'ios15.4'],
      rolldownOptions: { onLog: quietHeadInject },
    },
  },
  // Two pages at a time: while one page waits on a file or, in a plain `astro build`, its social card is rasterised
  // and encoded on Node's thread pool (src/formats/social-card.ts), the next page renders on the main thread. No
  // stylesheet is ever inlined (see above).
  build: { concurrency: 2, inlineStylesheets: 'never' },
  // A strict Content-Security-Policy in every page's <meta>; src/site/security-policy.ts explains it.
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
    // Static parts of a section (all but its components) compiled as HTML strings rather than one element call each:
    // the same pages (but that a data attribute without a value is written `data-x=""`), less to bundle and render.
    mdx({ optimize: true }),
    ...sitemap(),
    pagefind(),
    securityHeaders(),
    // Last: it counts and hashes the files as they are served.
    offline(),
  ],
});
