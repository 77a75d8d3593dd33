// iCalendar (RFC 5545) for an event of a briefing: CRLF line endings, content lines folded at 75
// octets, text values escaped, times in UTC. Pure: the caller supplies every value, DTSTAMP included,
// so a build of the same commit writes the same file.
import type { BriefingEvent } from '../model/schemas';
import type { EventTimes } from './event-time';

/** Escapes a TEXT value (RFC 5545 3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line into lines of at most 75 octets, never inside a UTF-8 character (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** `2020-06-09T17:00:00-04:00` → `20200609T210000Z` */
export function toUtcStamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date-time: ${iso}`);
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export interface CalendarInput {
  event: BriefingEvent;
  times: EventTimes;
  /** A stable, globally unique id, e.g. `rwchr-event.china-united-front@example.org`. */
  uid: string;
  /** The page that describes the event. */
  url: string;
  /** When this calendar data was produced, as an ISO date-time (fixed per build). */
  stamp: string;
}

export function toICalendar({ event, times, uid, url, stamp }: CalendarInput): string {
  const panels = event.panels.map(
    (panel, i) =>
      `${i + 1}) ${panel.title}. Moderator: ${panel.moderator.name}. Speakers: ${panel.speakers.map((s) => s.name).join(', ')}.`,
  );
  const description = [
    `As printed: ${event.when.printed}. Hosted by ${event.host}.`,
    ...panels,
    event.cosponsors.length ? `Co-sponsors: ${event.cosponsors.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Research Reader//Briefing events//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${toUtcStamp(stamp)}`,
    `DTSTART:${toUtcStamp(times.start)}`,
    `DTEND:${toUtcStamp(times.end)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `LOCATION:${escapeText(event.attendance === 'online' ? 'Online' : event.host)}`,
    `URL:${url}`,
    'STATUS:CONFIRMED',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
