// The sitemap: @astrojs/sitemap writes an index (sitemap-index.xml) of sitemaps of at most SITEMAP_URLS URLs each
// (the protocol allows 50,000), so no file grows past its limit with the library. /sitemap.xml, where robots.txt
// and crawlers already look, is a copy of the index. Search and the 404 page are left out (no content of their
// own). @astrojs/sitemap only logs its own failures; a build without the index fails here instead.
import type { AstroIntegration } from 'astro';
import sitemapIntegration from '@astrojs/sitemap';
import { copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SITEMAP_URLS = 45_000;

/** A page the sitemap lists: an HTML page (its URL ends in /), not search or the 404 page. */
const inSitemap = (url: string) => url.endsWith('/') && !/\/(search|404)\/$/.test(new URL(url).pathname);

export function sitemap(): AstroIntegration[] {
  return [
    sitemapIntegration({ filter: inSitemap, entryLimit: SITEMAP_URLS }),
    {
      name: 'reader:sitemap-index',
      hooks: {
        'astro:build:done': ({ dir }) => {
          const index = fileURLToPath(new URL('sitemap-index.xml', dir));
          if (!existsSync(index)) throw new Error('@astrojs/sitemap wrote no sitemap-index.xml: see its message above');
          copyFileSync(index, fileURLToPath(new URL('sitemap.xml', dir)));
        },
      },
    },
  ];
}
