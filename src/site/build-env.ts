// What tools/build.ts tells Astro's process (and, the last, its card drawers) through the environment. A plain
// `astro build` sets none of them, and does every step itself.

/** The content folder has just been checked (src/content/check-integration.ts need not check it again). */
export const CHECKED_ENV = 'READER_CONTENT_CHECKED';
/**
 * The steps that finish the built site (Pagefind's index, the security headers, the offline lists) skip their
 * `astro:build:done` hooks: the build script runs them itself once Astro has exited (tools/finish-site.ts).
 */
export const FINISH_AFTER_ASTRO = 'READER_FINISH_AFTER_ASTRO';
/**
 * The social cards are drawn by the build script's own process while Astro renders the pages (tools/cards.ts), and
 * Astro's card route (src/pages/[...card].png.ts) draws none.
 */
export const CARDS_BESIDE_ASTRO = 'READER_CARDS_BESIDE_ASTRO';
/**
 * A JSON file of what the content check found of every section (its order, words and indexed text: SectionFacts),
 * by its collection id (`briefing/slug`): the pages take them from it (src/library/briefings.ts) rather than parse
 * every section again. Without it they parse each one, as in `astro dev`.
 */
export const SECTION_FACTS = 'READER_SECTION_FACTS';
/**
 * A JSON file of the briefings' YAML (briefing.yaml, entities.yaml, search-aliases.yaml) as the content check read
 * and validated it: Astro's data collections and Markdown plugins take it (src/content/briefing-yaml.ts) rather
 * than parse every file again, once the build script has said the check passed (YAML_READY in
 * src/site/build-signals.ts). Without it they read the files themselves.
 */
export const CHECKED_YAML = 'READER_CHECKED_YAML';
/**
 * A JSON file of every citation the pages show, formatted by citeproc before Astro renders them (tools/citations.ts),
 * by style and CSL-JSON item (citationKey in src/formats/citation-styles.ts): the pages take them from it rather than
 * run citeproc themselves, and the routes of the citation downloads (cite.bib, cite.ris, cite.json) write none, as
 * the build script writes them too. Without it (`astro dev`, a plain `astro build`) each page does both itself.
 */
export const CITATIONS = 'READER_CITATIONS';
/** Set for a card drawer started beside Astro's bundling: it runs at the lowest priority (tools/cards.ts). */
export const CARDS_LOW_PRIORITY = 'READER_CARDS_LOW_PRIORITY';
