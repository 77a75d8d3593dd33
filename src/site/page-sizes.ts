// How much of a growing library one page holds. Every list that grows with the library is cut into pages of these
// sizes, so no page grows with it: at 1,000 briefings the largest page stays far under 100 KB compressed.

/** Briefings the home page shows in full (newest first); the rest are on the archive pages. */
export const HOME_BRIEFINGS = 10;
/** Briefings on one archive page, one line each. */
export const ARCHIVE_PAGE_SIZE = 50;
/** Entries of the A–Z index on one page of a letter. */
export const TERM_PAGE_SIZE = 300;
/** Briefings whose mentions one page of an entity lists (newest briefings first). */
export const ENTITY_BRIEFINGS_PER_PAGE = 10;
/** Entities of one type /entities/ lists (the most mentioned); the A–Z index lists every one. */
export const ENTITY_INDEX_PER_TYPE = 50;
/** Items in feed.xml: the newest briefings and their sections. */
export const FEED_ITEMS = 50;
/**
 * Up to this many briefings, search filters by section (a reader knows the few sections); above it, by briefing,
 * since a section filter would list every section of the library.
 */
export const SECTION_FILTER_MAX_BRIEFINGS = 5;
/** Values a search filter shows before "Show all": the ones with the most results. */
export const FILTER_VALUES_SHOWN = 12;

/** The pages a list of n items fills at `size` a page (at least one). */
export const pageCount = (n: number, size: number) => Math.max(1, Math.ceil(n / size));
