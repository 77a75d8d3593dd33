// The source prints the event's day without a year ("Tuesday, June 9"). The year comes from the
// briefing's date, and is only accepted when that day of that year really is the printed weekday.
import type { BriefingEvent } from '../model/schemas';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface EventTimes {
  year: number;
  /** ISO 8601 with the printed UTC offset, e.g. 2020-06-09T17:00:00-04:00 */
  start: string;
  end: string;
}

export function eventTimes(when: BriefingEvent['when'], briefingDate: string): EventTimes {
  const year = Number(briefingDate.slice(0, 4));
  const weekday = WEEKDAYS[new Date(Date.UTC(year, when.month - 1, when.day)).getUTCDay()];
  if (weekday !== when.weekday) {
    throw new Error(
      `event.when: ${when.day}/${when.month}/${year} was a ${weekday}, but the source prints ${when.weekday}; ` +
        'check the briefing date in briefing.yaml',
    );
  }
  const day = `${year}-${String(when.month).padStart(2, '0')}-${String(when.day).padStart(2, '0')}`;
  return { year, start: `${day}T${when.start}:00${when.utcOffset}`, end: `${day}T${when.end}:00${when.utcOffset}` };
}

/** `-04:00` → `UTC−4`, `+05:30` → `UTC+5:30` */
export function formatUtcOffset(offset: string): string {
  const [, sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})$/.exec(offset) ?? [];
  if (!sign) return offset;
  return `UTC${sign === '-' ? '−' : '+'}${Number(hours)}${minutes === '00' ? '' : `:${minutes}`}`;
}

// One style for every date and time the site writes itself (the source's own words stay as printed):
// British order, the weekday when it helps, the 24-hour clock. "Tuesday, 9 June 2020, 17:00–20:00 EDT";
// "8 June 2020"; "June 2020". The reader's own time (localTimeText) comes out in the same style.
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2020-06` → `June 2020`; `2020-06-08` → `8 June 2020`; `2017` → `2017` */
export function formatPartialDate(value: string): string {
  const [year, month, day] = value.split('-').map(Number);
  if (!month) return String(year);
  return day ? `${day} ${MONTHS[month - 1]} ${year}` : `${MONTHS[month - 1]} ${year}`;
}

/** `2020-06-09T17:00:00-04:00` → `Tuesday, 9 June 2020` (the day as written in the timestamp, whatever its zone). */
export function formatEventDay(timestamp: string): string {
  const [year, month, day] = timestamp.slice(0, 10).split('-').map(Number);
  return `${WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]}, ${day} ${MONTHS[month - 1]} ${year}`;
}

/** How the reader's own time is written. The page carries both (data-prefix, data-format), so that the page
 * script, within its 3 KB, holds no copy. */
export const LOCAL_TIME_PREFIX = 'In your time zone: ';
export const LOCAL_TIME_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

/**
 * The event's time in the reader's own time zone, shown under the printed time by the page script (site.ts), in
 * the site's style: `In your time zone: Tuesday, 9 June 2020, 23:00 CEST – Wednesday, 10 June 2020, 02:00 CEST`,
 * or `…, 17:00–20:00 GMT-4` when both ends fall on one day there. `timeZone` defaults to the browser's.
 */
export function localTimeText(start: Date, end: Date, timeZone?: string): string {
  return `${LOCAL_TIME_PREFIX}${formatLocalTime(start, end, { ...LOCAL_TIME_FORMAT, timeZone })}`;
}

/** The time range alone, in the format given: the page script reads the format, and the words before it, from the page. */
export function formatLocalTime(start: Date, end: Date, format: Intl.DateTimeFormatOptions) {
  // ICU joins a long date to a time with " at "; the site writes a comma, as everywhere else.
  return new Intl.DateTimeFormat('en-GB', format).formatRange(start, end).replace(/ at /g, ', ');
}
