// What a page cites: the briefing, or one of its sections, on this site.
import type { CitedWork } from '../formats/citation';
import { absoluteUrl, paths, type SitePaths } from '../site/urls.ts';
import { SITE_NAME } from '../site/config.ts';
import type { CardBriefing } from '../site/cards.ts';
import type { Briefing, Section } from './briefings';

/** A briefing or a section as its citation needs it. */
interface CitedPage {
  slug: string;
  title: string;
}

/** The cited work of a briefing's page, or of one of its sections', on the site at `site` under `sitePaths`. */
function citedWorkOf(
  briefing: CitedPage,
  section: CitedPage | undefined,
  site: URL | string | undefined,
  sitePaths: SitePaths,
): CitedWork {
  if (!section) {
    const url = absoluteUrl(sitePaths.briefing(briefing.slug), site);
    return { key: briefing.slug, title: briefing.title, siteName: SITE_NAME, url, language: 'en' };
  }
  // Slugs never contain a colon, so no section's key can be another briefing's.
  return {
    key: `${briefing.slug}:${section.slug}`,
    title: section.title,
    siteName: SITE_NAME,
    url: absoluteUrl(sitePaths.section(briefing.slug, section.slug), site),
    language: 'en',
  };
}

export function citedWork(briefing: Briefing, section?: Section): CitedWork {
  return citedWorkOf({ slug: briefing.slug, title: briefing.data.title }, section, import.meta.env.SITE, paths);
}

/** A page's cited work and the folder of the site its downloads are written into (`briefing/section`). */
export interface CitedFolder {
  dir: string;
  work: CitedWork;
}

/** Every work the library's pages cite (from the titles the content check read): each briefing, then its sections. */
export function libraryCitedWorks(briefings: CardBriefing[], site: URL | string, sitePaths: SitePaths): CitedFolder[] {
  return briefings.flatMap((briefing) => [
    { dir: briefing.slug, work: citedWorkOf(briefing, undefined, site, sitePaths) },
    ...briefing.sections.map((section) => ({
      dir: `${briefing.slug}/${section.slug}`,
      work: citedWorkOf(briefing, section, site, sitePaths),
    })),
  ]);
}
