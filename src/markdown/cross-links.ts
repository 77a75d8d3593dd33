// Cross-links between sections are written `[text](section:<slug>)` or `[text](section:<slug>#<heading-id>)`
// so that content never hard-codes a URL; the site's base path and the briefing are added at build time.

const CROSS_LINK_URL = /^section:([a-z0-9-]+)(?:#([a-z0-9-]+))?$/;

/** `section:sharp-power#period-of-experimentation` → `{ slug: 'sharp-power', fragment: 'period-of-experimentation' }`. */
export function parseCrossLink(url: string): { slug: string; fragment?: string } | null {
  const match = CROSS_LINK_URL.exec(url);
  return match ? { slug: match[1], ...(match[2] ? { fragment: match[2] } : {}) } : null;
}

/** `section:sharp-power#period-of-experimentation` → `/base/briefing/sharp-power/#period-of-experimentation`. */
export function resolveCrossLink(url: string, briefing: string, base: string): string | null {
  const link = parseCrossLink(url);
  if (!link) return null;
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${briefing}/${link.slug}/${link.fragment ? `#${link.fragment}` : ''}`;
}
