import { describe, expect, it } from 'vitest';
import { byReadingOrder, parseSectionFileName, sectionId, splitSectionId } from '../../src/model/files';
import { headingIdFromComment } from '../../src/markdown/heading-ids';
import { countWords, readingMinutes, wordsOf } from '../../src/content/reading-time';
import { parseCrossLink, resolveCrossLink } from '../../src/markdown/cross-links';
import { parseMdx as parse } from '../../src/content/load';
import {
  eventTimes,
  formatEventDay,
  formatPartialDate,
  formatUtcOffset,
  localTimeText,
} from '../../src/formats/event-time';
import { footnoteId } from '../../src/markdown/rehype-footnote-ids';
import { createPaths } from '../../src/site/urls';
import { basePath } from '../../src/site/config';

describe('section file names and ids', () => {
  it('reads order and slug from NN-slug.mdx', () => {
    expect(parseSectionFileName('05-rwchr-event.mdx')).toEqual({ order: 5, slug: 'rwchr-event' });
    expect(parseSectionFileName('5-rwchr-event.mdx')).toBeNull();
    expect(parseSectionFileName('05-RWCHR.mdx')).toBeNull();
    expect(parseSectionFileName('05-rwchr-event.md')).toBeNull();
  });

  it('joins and splits section ids', () => {
    expect(sectionId('china-united-front', 'sharp-power')).toBe('china-united-front/sharp-power');
    expect(splitSectionId('china-united-front/sharp-power')).toEqual({
      briefing: 'china-united-front',
      slug: 'sharp-power',
    });
  });

  it('sorts by order, then slug', () => {
    const list = [
      { order: 2, slug: 'b' },
      { order: 1, slug: 'z' },
      { order: 2, slug: 'a' },
    ];
    expect(list.sort(byReadingOrder).map((s) => s.slug)).toEqual(['z', 'a', 'b']);
  });
});

describe('explicit heading ids', () => {
  it('reads the id from a trailing comment', () => {
    expect(headingIdFromComment('/* #sharp-power */')).toBe('sharp-power');
    expect(headingIdFromComment('/*#a1*/')).toBe('a1');
    expect(headingIdFromComment('/* sharp-power */')).toBeNull();
    expect(headingIdFromComment('/* #Sharp */')).toBeNull();
  });
});

describe('reading time', () => {
  it('is words / 230, rounded up, at least one minute', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(231)).toBe(2);
  });

  it('counts the prose of MDX, not its syntax', () => {
    const body = '## Title {/* #t */}\n\n<Quote by="X">\n\nOne two three.[^a]\n\n</Quote>\n\n[^a]: Note.';
    expect(wordsOf(parse(body))).toBe(5);
    // Words meet at the edges of emphasis and links, not across blocks or line breaks.
    expect(wordsOf(parse('Head {/* #h */}\n====\n\nun*believ*able [link](https://example.org)  \nend'))).toBe(4);
    expect(countWords('— 4,600 accounts')).toBe(2);
  });
});

describe('cross-links', () => {
  it('resolve under the base path and briefing', () => {
    expect(resolveCrossLink('section:sharp-power', 'b', '/')).toBe('/b/sharp-power/');
    expect(resolveCrossLink('section:sharp-power#x', 'b', '/reader/')).toBe('/reader/b/sharp-power/#x');
    expect(resolveCrossLink('https://example.org', 'b', '/')).toBeNull();
    expect(parseCrossLink('section:sharp-power#x')).toEqual({ slug: 'sharp-power', fragment: 'x' });
    expect(parseCrossLink('section:Sharp')).toBeNull();
  });
});

describe('event times', () => {
  const when = {
    printed: '',
    weekday: 'Tuesday',
    month: 6,
    day: 9,
    start: '17:00',
    end: '20:00',
    zone: 'EDT',
    utcOffset: '-04:00',
  } as const;

  it('take the year from the briefing date when the weekday agrees', () => {
    expect(eventTimes(when, '2020-06')).toEqual({
      year: 2020,
      start: '2020-06-09T17:00:00-04:00',
      end: '2020-06-09T20:00:00-04:00',
    });
  });

  it('refuse a year in which the printed weekday is wrong', () => {
    expect(() => eventTimes(when, '2021-06')).toThrow(/was a Wednesday, but the source prints Tuesday/);
  });

  it('give the time in the reader’s zone, in the site’s date style, naming the end’s day when it is another', () => {
    const start = new Date('2020-06-09T17:00:00-04:00');
    const end = new Date('2020-06-09T20:00:00-04:00');
    // ICU sets thin spaces around a dash between two dates; any space will do here.
    const local = (zone: string) => localTimeText(start, end, zone).replace(/\s/g, ' ');
    expect(local('Europe/Paris')).toBe(
      'In your time zone: Tuesday, 9 June 2020, 23:00 CEST – Wednesday, 10 June 2020, 02:00 CEST',
    );
    // Whatever the reader's own locale, the style is the site's: day before month, 24-hour clock.
    expect(local('America/New_York')).toBe('In your time zone: Tuesday, 9 June 2020, 17:00–20:00 GMT-4');
    expect(local('Asia/Tokyo')).toBe('In your time zone: Wednesday, 10 June 2020, 06:00–09:00 GMT+9');
  });

  it('write the event’s day as the site writes dates, from the timestamp’s own day', () => {
    expect(formatEventDay('2020-06-09T17:00:00-04:00')).toBe('Tuesday, 9 June 2020');
    expect(formatEventDay('2020-06-09T23:30:00+10:00')).toBe('Tuesday, 9 June 2020');
  });

  it('format offsets and partial dates', () => {
    expect(formatUtcOffset('-04:00')).toBe('UTC−4');
    expect(formatUtcOffset('+05:30')).toBe('UTC+5:30');
    expect(formatPartialDate('2020-06')).toBe('June 2020');
    expect(formatPartialDate('2020-06-08')).toBe('8 June 2020');
    expect(formatPartialDate('2017')).toBe('2017');
  });
});

describe('footnote ids', () => {
  it('are prefixed with the section slug', () => {
    expect(footnoteId('user-content-fn-wsj', 'sharp-power')).toBe('sharp-power-fn-wsj');
    expect(footnoteId('footnote-label', 'sharp-power')).toBe('sharp-power-footnote-label');
    expect(footnoteId('new-study', 'sharp-power')).toBe('new-study');
  });
});

describe('paths and base', () => {
  it('build every URL under the base path', () => {
    const paths = createPaths('/reader/');
    expect(paths.section('b', 's', 'h')).toBe('/reader/b/s/#h');
    expect(paths.all('b')).toBe('/reader/b/all/');
    expect(paths.search('united front')).toBe('/reader/search/?q=united%20front');
  });

  it('normalise READER_BASE', () => {
    expect(basePath({})).toBe('/');
    expect(basePath({ READER_BASE: 'reader' })).toBe('/reader/');
    expect(basePath({ READER_BASE: '/reader/' })).toBe('/reader/');
  });
});
