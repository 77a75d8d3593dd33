// The URLs of the files that go with a page: its social card, citation downloads, calendar, feeds.
// Like src/lib/paths.ts, every one is built under the deploy's base path.
import type { CitationFormat } from './citation';

export function createSharePaths(base: string) {
  const root = base.endsWith('/') ? base : `${base}/`;
  const under = (briefing?: string, section?: string) =>
    `${root}${briefing ? `${briefing}/` : ''}${section ? `${section}/` : ''}`;
  return {
    /** The 1200×630 social card beside the page it previews. */
    card: (briefing?: string, section?: string) => `${under(briefing, section)}card.png`,
    cite: (format: CitationFormat, briefing: string, section?: string) => `${under(briefing, section)}cite.${format}`,
    calendar: (briefing: string, section: string) => `${root}${briefing}/${section}.ics`,
    feed: () => `${root}feed.xml`,
    sitemap: () => `${root}sitemap.xml`,
  };
}

/** An absolute URL for a site path (which already carries the base), on the configured origin. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (!site) throw new Error('`site` must be set for absolute URLs (READER_SITE)');
  return new URL(path, site).href;
}
