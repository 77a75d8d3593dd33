// Build-time settings read from the environment, in one place.
// READER_SITE: the absolute origin the site is served from (canonical URLs).
// READER_BASE: the sub-path the site lives under, e.g. /reader/ (default /).
// READER_CONTENT_DIR: the folder of briefings to build (default ./content); tests and benchmarks use others.
// READER_OUT_DIR: where the site is written (default ./dist).

export const SITE_NAME = 'Research Reader';

export function siteOrigin(env: Record<string, string | undefined> = process.env): string {
  return env.READER_SITE || 'http://localhost:4321';
}

export function basePath(env: Record<string, string | undefined> = process.env): string {
  const raw = env.READER_BASE || '/';
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return env.READER_CONTENT_DIR || './content';
}

export function outDir(env: Record<string, string | undefined> = process.env): string {
  return env.READER_OUT_DIR || './dist';
}

/**
 * The time stamped into generated files that need one (the calendar's DTSTAMP): SOURCE_DATE_EPOCH
 * (seconds, the reproducible-builds convention) when set, else the given fallback, never the clock.
 */
export function sourceDate(fallback: string, env: Record<string, string | undefined> = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000).toISOString() : fallback;
}
