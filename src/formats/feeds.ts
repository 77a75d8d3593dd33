// robots.txt, and escaping for the XML the feed adds to its channel. The feed (@astrojs/rss) and the sitemap
// (@astrojs/sitemap) are written by their libraries; neither states a date the record does not give.

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
