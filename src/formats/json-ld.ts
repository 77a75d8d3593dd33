// schema.org JSON-LD built from the same validated data the pages render. Fields the record does not
// give (author, publisher, publication date) are left out rather than guessed. The briefing and its sections
// are web pages, as their citations say (citation.ts); a section is part of its briefing, which is part of the
// website. schema-dts types each block (a misspelt property or a value of the wrong type fails `astro check`);
// they are types only, so no byte of them reaches a reader.
import type { CreativeWork, Event, Person, WebPage, WithContext } from 'schema-dts';
import type { BriefingEvent, Source } from '../model/schemas';
import type { EventTimes } from './event-time';
import { ITEM_TYPE } from './citation';

export interface WebSiteRef {
  name: string;
  url: string;
}

export interface PartRef {
  title: string;
  description: string;
  url: string;
}

function sourceWork(source: Source): CreativeWork {
  return {
    '@type': 'CreativeWork',
    name: source.title,
    ...(source.author ? { author: { '@type': 'Person', name: source.author } } : {}),
    publisher: { '@type': 'Organization', name: source.outlet },
    datePublished: source.date,
  };
}

/** What the briefing's page and a section's page say of themselves alike. */
function pageFields(input: PartRef & { image?: string }): WithContext<WebPage> {
  return {
    '@context': 'https://schema.org',
    '@type': ITEM_TYPE.schemaOrg,
    '@id': input.url,
    headline: input.title,
    name: input.title,
    description: input.description,
    url: input.url,
    ...(input.image ? { image: input.image } : {}),
    inLanguage: 'en',
  };
}

/** The briefing as a web page, its sections as parts and the reports it draws on as citations. */
export function briefingPage(input: {
  title: string;
  description: string;
  url: string;
  image?: string;
  site: WebSiteRef;
  sections: PartRef[];
  sources: Source[];
}): WithContext<WebPage> {
  return {
    ...pageFields(input),
    isPartOf: { '@type': 'WebSite', name: input.site.name, url: input.site.url },
    hasPart: input.sections.map((s) => ({
      '@type': ITEM_TYPE.schemaOrg,
      headline: s.title,
      description: s.description,
      url: s.url,
    })),
    citation: input.sources.map(sourceWork),
  };
}

/** One section as a web page that is part of the briefing's page. */
export function sectionPage(input: {
  title: string;
  description: string;
  url: string;
  image?: string;
  briefing: { title: string; url: string };
  site: WebSiteRef;
  position: number;
}): WithContext<WebPage> {
  return {
    ...pageFields(input),
    position: input.position,
    isPartOf: {
      '@type': ITEM_TYPE.schemaOrg,
      '@id': input.briefing.url,
      headline: input.briefing.title,
      url: input.briefing.url,
      isPartOf: { '@type': 'WebSite', name: input.site.name, url: input.site.url },
    },
  };
}

const person = (p: { name: string; role: string }): Person => ({
  '@type': 'Person',
  name: p.name,
  description: p.role,
});

/**
 * The event as a schema.org Event: online, with its organiser, co-sponsors (as sponsors) and its panels
 * as sub-events whose speakers are performers; a panel's moderator is a performer in the role "Moderator".
 */
export function eventData(event: BriefingEvent, times: EventTimes, pageUrl: string): WithContext<Event> {
  const attendance = (
    {
      online: 'https://schema.org/OnlineEventAttendanceMode',
      offline: 'https://schema.org/OfflineEventAttendanceMode',
      mixed: 'https://schema.org/MixedEventAttendanceMode',
    } as const
  )[event.attendance];
  const organizer = { '@type': 'Organization', name: event.host } as const;
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    startDate: times.start,
    endDate: times.end,
    eventAttendanceMode: attendance,
    eventStatus: 'https://schema.org/EventScheduled',
    location:
      event.attendance === 'offline'
        ? { '@type': 'Place', name: event.host }
        : { '@type': 'VirtualLocation', name: 'Online' },
    organizer,
    sponsor: event.cosponsors.map((name) => ({ '@type': 'Organization', name })),
    url: pageUrl,
    inLanguage: 'en',
    subEvent: event.panels.map((panel) => ({
      '@type': 'Event',
      name: panel.title,
      url: `${pageUrl}#${panel.id}`,
      organizer,
      eventAttendanceMode: attendance,
      performer: [
        { '@type': 'PerformanceRole', roleName: 'Moderator', performer: person(panel.moderator) },
        ...panel.speakers.map(person),
      ],
    })),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so no text can close the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
