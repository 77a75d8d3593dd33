// Build-time settings read from the environment, in one place.
// READER_SITE: the absolute origin the site is served from (canonical URLs, cards, citations, sitemap, feed).
// READER_BASE: the sub-path the site lives under, e.g. /reader/ (default /).
// READER_CONTENT_DIR: the folder of briefings to build (default ./content); tests and benchmarks use others.
// READER_OUT_DIR: where the site is written (default ./dist).

type Env = Record<string, string | undefined>;

export const SITE_NAME = 'Research Reader';

/** Where `npm start` previews the build: the origin when READER_SITE is unset. */
export const LOCAL_ORIGIN = 'http://localhost:4321';

const EXAMPLE = 'READER_SITE=https://example.org';

/**
 * The origin the site is served from, from READER_SITE (the local preview's when unset). A value that is not an
 * http(s) origin stops the build with a message naming the variable and an example. A path is refused rather
 * than dropped: the sub-path belongs in READER_BASE, which every link, asset and the search bundle follow.
 */
export function siteOrigin(env: Env = process.env): string {
  const raw = env.READER_SITE?.trim();
  if (!raw) return LOCAL_ORIGIN;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `READER_SITE=${raw} is not an absolute URL: give the address the site is served from, e.g. ${EXAMPLE}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`READER_SITE=${raw} must start with https:// (or http://), e.g. ${EXAMPLE}`);
  if (url.username || url.password || url.search || url.hash)
    throw new Error(
      `READER_SITE=${raw} must be an origin only, without credentials, query or fragment, e.g. ${EXAMPLE}`,
    );
  if (url.pathname !== '/') {
    const sub = url.pathname.replace(/\/*$/, '/');
    throw new Error(
      `READER_SITE=${raw} has a path (${url.pathname}), which would be dropped from every URL: set the origin in ` +
        `READER_SITE and the path in READER_BASE, e.g. READER_SITE=${url.origin} READER_BASE=${sub}`,
    );
  }
  return url.origin;
}

/** What a production build says when READER_SITE is unset: which absolute URLs then point at the local preview. */
export function siteWarning(env: Env = process.env): string | undefined {
  if (env.READER_SITE?.trim()) return undefined;
  return (
    `READER_SITE is not set, so canonical URLs, link previews (Open Graph cards), citations and their downloads, ` +
    `the sitemap, the feed and the calendar file point at ${LOCAL_ORIGIN}, which is right only for \`npm start\`. ` +
    `For a deploy, set it to the site's address, e.g. ${EXAMPLE} npm run build`
  );
}

export function basePath(env: Env = process.env): string {
  const raw = env.READER_BASE || '/';
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function contentDir(env: Env = process.env): string {
  return env.READER_CONTENT_DIR || './content';
}

export function outDir(env: Env = process.env): string {
  return env.READER_OUT_DIR || './dist';
}

/**
 * The time stamped into generated files that need one (the calendar's DTSTAMP): SOURCE_DATE_EPOCH
 * (seconds, the reproducible-builds convention) when set, else the given fallback, never the clock.
 */
export function sourceDate(fallback: string, env: Env = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000).toISOString() : fallback;
}
