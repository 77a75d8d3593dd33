// Every internal URL of the site, built under the deploy's base path (READER_BASE): pages, and
// the files that go with them (social card, citation downloads, calendar, feed, sitemap).
import type { CitationFormat } from '../formats/citation';

export function createPaths(base: string) {
  const root = base.endsWith('/') ? base : `${base}/`;
  const under = (briefing?: string, section?: string) =>
    `${root}${briefing ? `${briefing}/` : ''}${section ? `${section}/` : ''}`;
  return {
    home: () => root,
    briefing: (briefing: string) => `${root}${briefing}/`,
    section: (briefing: string, section: string, fragment?: string) =>
      `${root}${briefing}/${section}/${fragment ? `#${fragment}` : ''}`,
    all: (briefing: string, fragment?: string) => `${root}${briefing}/all/${fragment ? `#${fragment}` : ''}`,
    entities: (fragment?: string) => `${root}entities/${fragment ? `#${fragment}` : ''}`,
    entity: (slug: string) => `${root}entities/${slug}/`,
    /** Page n (from 1) of the archive of every briefing, newest first. */
    archive: (page = 1) => `${root}archive/${page > 1 ? `${page}/` : ''}`,
    /** The A–Z index: its letters, and page n of one letter (by its id, e.g. `a`, `numbers`, `chinese`). */
    terms: (letter?: string, page = 1) => `${root}terms/${letter ? `${letter}/` : ''}${page > 1 ? `${page}/` : ''}`,
    /** Page n of an entity's mentions (the first is the entity's page). */
    entityPage: (slug: string, page: number) => `${root}entities/${slug}/${page > 1 ? `${page}/` : ''}`,
    search: (query?: string) => `${root}search/${query ? `?q=${encodeURIComponent(query)}` : ''}`,
    asset: (path: string) => `${root}${path.replace(/^\/+/, '')}`,
    /** The 1200×630 social card beside the page it previews. */
    card: (briefing?: string, section?: string) => `${under(briefing, section)}card.png`,
    cite: (format: CitationFormat, briefing: string, section?: string) => `${under(briefing, section)}cite.${format}`,
    calendar: (briefing: string, section: string) => `${root}${briefing}/${section}.ics`,
    feed: () => `${root}feed.xml`,
    sitemap: () => `${root}sitemap.xml`,
  };
}

export type SitePaths = ReturnType<typeof createPaths>;

/** An absolute URL for a site path (which already carries the base), on the configured origin. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (!site) throw new Error('`site` must be set for absolute URLs (READER_SITE)');
  return new URL(path, site).href;
}

/**
 * The site's URLs under the configured base path (Vite's BASE_URL, set from READER_BASE). Outside Vite (plain Node
 * tools) there is no base, and the paths start at `/`.
 */
export const paths = createPaths(import.meta.env?.BASE_URL ?? '/');
