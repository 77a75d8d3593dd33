// The JSON-LD blocks of a section page: the section as part of its briefing, and its event if any.
import type { Event, WebPage, WithContext } from 'schema-dts';
import type { Briefing, Section } from './briefings';
import { absoluteUrl, paths } from '../site/urls';
import { eventTimes } from '../formats/event-time';
import { eventData, sectionPage } from '../formats/json-ld';
import { SITE_NAME } from '../site/config';

export function sectionStructuredData(
  briefing: Briefing,
  section: Section,
  site: URL | undefined,
): WithContext<WebPage | Event>[] {
  const url = (path: string) => absoluteUrl(path, site);
  const pageUrl = url(paths.section(briefing.slug, section.slug));
  const blocks: WithContext<WebPage | Event>[] = [
    sectionPage({
      title: section.title,
      description: section.description,
      url: pageUrl,
      image: url(paths.card(briefing.slug, section.slug)),
      briefing: { title: briefing.data.title, url: url(paths.briefing(briefing.slug)) },
      site: { name: SITE_NAME, url: url(paths.home()) },
      position: briefing.sections.indexOf(section) + 1,
    }),
  ];
  const event = section.entry.data.event;
  if (event) blocks.push(eventData(event, eventTimes(event.when, briefing.data.date.value), pageUrl));
  return blocks;
}
