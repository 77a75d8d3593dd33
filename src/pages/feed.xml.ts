// An RSS feed of the newest briefings and their sections, newest briefing first, FEED_ITEMS items at most (a feed
// reader wants what is new, and a feed of a whole archive would grow with it). Written by @astrojs/rss; no
// pubDate, since the record gives no publication dates (the field is optional in RSS).
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getLibrary } from '../library/briefings';
import { absoluteUrl, paths } from '../site/urls';
import { escapeXml } from '../formats/feeds';
import { FEED_ITEMS } from '../site/page-sizes';
import { SITE_NAME } from '../site/config';

export const GET: APIRoute = async ({ site }) => {
  const url = (path: string) => absoluteUrl(path, site);
  const items = (await getLibrary())
    .flatMap((briefing) => [
      {
        title: briefing.data.title,
        description: briefing.data.dek,
        link: url(paths.briefing(briefing.slug)),
        categories: [briefing.data.title],
      },
      ...briefing.sections.map((s) => ({
        title: `${s.title} · ${briefing.data.title}`,
        description: s.description,
        link: url(paths.section(briefing.slug, s.slug)),
        categories: [briefing.data.title],
      })),
    ])
    .slice(0, FEED_ITEMS);
  const response = await rss({
    title: SITE_NAME,
    description: 'Policy briefings to read, search, link and cite.',
    site: url(paths.home()),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${escapeXml(url(paths.feed()))}" rel="self" type="application/rss+xml"/>`,
    items,
  });
  response.headers.set('Content-Type', 'application/rss+xml; charset=utf-8');
  return response;
};
