// The source prints the event's day without a year ("Tuesday, June 9"). The year comes from the
// briefing's date, and is only accepted when that day of that year really is the printed weekday.
import type { BriefingEvent } from './schemas';

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

/** `2020-06` → `June 2020`; `2020-06-08` → `8 June 2020`; `2017` → `2017` */
export function formatPartialDate(value: string): string {
  const [year, month, day] = value.split('-').map(Number);
  if (!month) return String(year);
  const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return day ? `${day} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** `17:00`, `20:00` → `5:00–8:00 PM`; `11:30`, `13:00` → `11:30 AM–1:00 PM` (as the source prints times). */
export function formatClockRange(start: string, end: string): string {
  const parts = (clock: string) => {
    const [h, m] = clock.split(':').map(Number);
    return { text: `${h % 12 || 12}:${String(m).padStart(2, '0')}`, half: h < 12 ? 'AM' : 'PM' };
  };
  const a = parts(start);
  const b = parts(end);
  return a.half === b.half ? `${a.text}–${b.text} ${b.half}` : `${a.text} ${a.half}–${b.text} ${b.half}`;
}

/**
 * The event's time in the reader's own time zone, shown under the printed time by the page script (site.ts):
 * `In your time zone: Tuesday, 9 June 2020, 23:00 CEST–02:00 CEST (Wednesday, 10 June).` An end on another
 * day in that zone names the day. `locales` and `timeZone` default to the browser's.
 */
export function localTimeText(start: Date, end: Date, locales?: string, timeZone?: string): string {
  const format = (date: Date, options: Intl.DateTimeFormatOptions) =>
    date.toLocaleString(locales, { ...options, timeZone });
  const day = { weekday: 'long', day: 'numeric', month: 'long' } as const;
  const time = { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' } as const;
  const endDay = format(end, day);
  return `In your time zone: ${format(start, { ...day, year: 'numeric' })}, ${format(start, time)}–${format(end, time)}${
    endDay === format(start, day) ? '' : ` (${endDay})`
  }.`;
}
