// The sitemap, robots.txt and the RSS feed, from lists of absolute URLs. No dates the record does not
// give: the sitemap has no lastmod and the feed items no pubDate (both optional in their formats).

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function sitemapXml(urls: string[]): string {
  const entries = urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>\n`;
}

export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}

export interface FeedItem {
  title: string;
  description: string;
  url: string;
  /** The briefing an item belongs to, as its category. */
  category?: string;
}

export function rssFeed(
  channel: { title: string; description: string; url: string; selfUrl: string },
  items: FeedItem[],
): string {
  const item = (i: FeedItem) =>
    [
      '    <item>',
      `      <title>${escapeXml(i.title)}</title>`,
      `      <link>${escapeXml(i.url)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(i.url)}</guid>`,
      `      <description>${escapeXml(i.description)}</description>`,
      ...(i.category ? [`      <category>${escapeXml(i.category)}</category>`] : []),
      '    </item>',
    ].join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(channel.title)}</title>`,
    `    <link>${escapeXml(channel.url)}</link>`,
    `    <description>${escapeXml(channel.description)}</description>`,
    '    <language>en</language>',
    `    <atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items.map(item),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
