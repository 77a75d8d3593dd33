// What a page cites: the briefing, or one of its sections, on this site.
import type { CitedWork } from '../formats/citation';
import { absoluteUrl, paths } from '../site/urls';
import { SITE_NAME } from '../site/config';
import type { Briefing, Section } from './briefings';

export function citedWork(briefing: Briefing, section?: Section): CitedWork {
  const site = import.meta.env.SITE;
  if (!section) {
    const url = absoluteUrl(paths.briefing(briefing.slug), site);
    return { key: briefing.slug, title: briefing.data.title, siteName: SITE_NAME, url, language: 'en' };
  }
  // Slugs never contain a colon, so no section's key can be another briefing's.
  return {
    key: `${briefing.slug}:${section.slug}`,
    title: section.title,
    siteName: SITE_NAME,
    url: absoluteUrl(paths.section(briefing.slug, section.slug), site),
    language: 'en',
  };
}
