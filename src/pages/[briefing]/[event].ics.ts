// /<briefing>/<section>.ics for every section with an event: the event as an iCalendar file.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary, type Briefing, type Section } from '../../library/briefings';
import { absoluteUrl, paths } from '../../site/urls';
import { eventTimes } from '../../formats/event-time';
import { toICalendar } from '../../formats/icalendar';
import { sourceDate } from '../../site/config';

export const getStaticPaths = (async () =>
  (await getLibrary()).flatMap((briefing) =>
    briefing.sections
      .filter((section) => section.entry.data.event)
      .map((section) => ({ params: { briefing: briefing.slug, event: section.slug }, props: { briefing, section } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { briefing, section } = props as { briefing: Briefing; section: Section };
  const event = section.entry.data.event!;
  const times = eventTimes(event.when, briefing.data.date.value);
  const body = toICalendar({
    event,
    times,
    uid: `${section.slug}.${briefing.slug}@${new URL(site!).hostname}`,
    url: absoluteUrl(paths.section(briefing.slug, section.slug), site),
    // The file's own time: fixed per build (see sourceDate); by default the event's start.
    stamp: sourceDate(times.start),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
