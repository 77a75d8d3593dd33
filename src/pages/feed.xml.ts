// An RSS feed of the briefings and their sections, newest briefing first.
import type { APIRoute } from 'astro';
import { getLibrary } from '../data/library';
import { paths } from '../data/paths';
import { rssFeed, type FeedItem } from '../lib/feeds';
import { absoluteUrl } from '../lib/paths';
import { SITE_NAME } from '../site-config';

export const GET: APIRoute = async ({ site }) => {
  const url = (path: string) => absoluteUrl(path, site);
  const items: FeedItem[] = (await getLibrary()).flatMap((briefing) => [
    {
      title: briefing.data.title,
      description: briefing.data.dek,
      url: url(paths.briefing(briefing.slug)),
      category: briefing.data.title,
    },
    ...briefing.sections.map((s) => ({
      title: `${s.title} · ${briefing.data.title}`,
      description: s.description,
      url: url(paths.section(briefing.slug, s.slug)),
      category: briefing.data.title,
    })),
  ]);
  const channel = {
    title: SITE_NAME,
    description: 'Policy briefings to read, search, link and cite.',
    url: url(paths.home()),
    selfUrl: url(paths.feed()),
  };
  return new Response(rssFeed(channel, items), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
