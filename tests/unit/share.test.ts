import { describe, expect, it } from 'vitest';
import { encodeTextTerm, fragmentUrl, textDirective } from '../../src/formats/text-fragment';
import { escapeText, foldLine, toICalendar, toUtcStamp } from '../../src/formats/icalendar';
import { briefingPage, eventData, jsonLdText, sectionPage } from '../../src/formats/json-ld';
import { prefixParagraphIds } from '../../src/markdown/rehype-passage-links';
import { escapeXml, robotsTxt } from '../../src/formats/feeds';
import { pngSize } from '../../src/formats/social-card';
import { libraryCards } from '../../src/site/cards';
import { SITE_NAME } from '../../src/site/config';
import { createPaths } from '../../src/site/urls';
import { eventTimes } from '../../src/formats/event-time';
import type { BriefingEvent } from '../../src/model/schemas';

const event: BriefingEvent = {
  title: 'China at a Crossroads: Standing up for Human Rights During the Pandemic',
  host: 'Raoul Wallenberg Centre for Human Rights',
  attendance: 'online',
  when: {
    printed: 'Tuesday, June 9 from 5:00-8:00PM EDT',
    weekday: 'Tuesday',
    month: 6,
    day: 9,
    start: '17:00',
    end: '20:00',
    zone: 'EDT',
    utcOffset: '-04:00',
  },
  panels: [
    {
      id: 'panel-media',
      title: 'China’s attempt to quarantine the truth',
      moderator: { name: 'Judith Abitan', role: 'RWCHR' },
      speakers: [
        { name: 'Xiao Qiang', role: 'Counter-Power Lab' },
        { name: 'Sarah Cook', role: 'Freedom House' },
      ],
    },
  ],
  cosponsors: ['Freedom House', 'National Endowment for Democracy'],
};
const times = eventTimes(event.when, '2020-06');

describe('text fragments', () => {
  it('escapes the characters that are syntax in a text directive', () => {
    expect(encodeTextTerm('wolf-warrior, a & b')).toBe('wolf%2Dwarrior%2C%20a%20%26%20b');
  });

  it('writes each part of a fragment in its place: prefix-, start, end, -suffix', () => {
    expect(textDirective({ textStart: 'sharp power' })).toBe('text=sharp%20power');
    expect(textDirective({ textStart: 'one two', textEnd: 'nine ten' })).toBe('text=one%20two,nine%20ten');
    expect(textDirective({ prefix: 'as an important', textStart: 'period', suffix: 'for the' })).toBe(
      'text=as%20an%20important-,period,-for%20the',
    );
    expect(textDirective({ prefix: 'a-b', textStart: 'c', textEnd: 'd', suffix: 'e,f' })).toBe(
      'text=a%2Db-,c,d,-e%2Cf',
    );
  });

  it('drops the query and the old fragment of the page URL', () => {
    expect(fragmentUrl('https://example.org/r/b/s/?q=x#p-2', { textStart: 'sharp power' })).toBe(
      'https://example.org/r/b/s/#:~:text=sharp%20power',
    );
  });
});

describe('iCalendar', () => {
  it('escapes text values', () => {
    expect(escapeText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `DESCRIPTION:${'’'.repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('short')).toBe('short');
  });

  it('converts an offset time to UTC', () => {
    expect(toUtcStamp('2020-06-09T17:00:00-04:00')).toBe('20200609T210000Z');
  });

  it('writes a VEVENT with UID, DTSTAMP, DTSTART and DTEND in UTC, CRLF throughout', () => {
    const ics = toICalendar({
      event,
      times,
      uid: 'rwchr-event.china-united-front@example.org',
      url: 'https://example.org/x/',
      stamp: '2020-06-09T17:00:00-04:00',
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const unfolded = ics.replace(/\r\n /g, '').split('\r\n');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(unfolded.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(unfolded).toEqual(
      expect.arrayContaining([
        'BEGIN:VEVENT',
        'UID:rwchr-event.china-united-front@example.org',
        'DTSTAMP:20200609T210000Z',
        'DTSTART:20200609T210000Z',
        'DTEND:20200610T000000Z',
        'SUMMARY:China at a Crossroads: Standing up for Human Rights During the Pandemic',
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    );
    expect(unfolded.find((l) => l.startsWith('DESCRIPTION:'))).toContain(
      'Moderator: Judith Abitan. Speakers: Xiao Qiang\\, Sarah Cook.',
    );
    expect(unfolded.find((l) => l.startsWith('PRODID:'))).toBeDefined();
  });
});

describe('JSON-LD', () => {
  const site = { name: 'Research Reader', url: 'https://example.org/' };

  it('describes the briefing as a web page with its sections as parts and its sources as citations', () => {
    const data = briefingPage({
      title: 'T',
      description: 'D',
      url: 'https://example.org/b/',
      site,
      sections: [{ title: 'S', description: 'SD', url: 'https://example.org/b/s/' }],
      sources: [
        { id: 'wsj', outlet: 'The Wall Street Journal', title: 'W', author: 'Kate O’Keeffe', date: '2020-06-08' },
      ],
    });
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'WebPage',
      headline: 'T',
      inLanguage: 'en',
      url: 'https://example.org/b/',
    });
    expect(data).not.toHaveProperty('author');
    expect(data).not.toHaveProperty('datePublished');
    expect(data.hasPart).toEqual([
      { '@type': 'WebPage', headline: 'S', description: 'SD', url: 'https://example.org/b/s/' },
    ]);
    expect(data.citation).toEqual([
      {
        '@type': 'CreativeWork',
        name: 'W',
        author: { '@type': 'Person', name: 'Kate O’Keeffe' },
        publisher: { '@type': 'Organization', name: 'The Wall Street Journal' },
        datePublished: '2020-06-08',
      },
    ]);
    const part = sectionPage({
      title: 'S',
      description: 'SD',
      url: 'https://example.org/b/s/',
      briefing: { title: 'T', url: 'https://example.org/b/' },
      site,
      position: 1,
    });
    expect(part).toMatchObject({ '@type': 'WebPage', headline: 'S', url: 'https://example.org/b/s/' });
    expect(part.isPartOf).toMatchObject({
      '@type': 'WebPage',
      url: 'https://example.org/b/',
      isPartOf: { '@type': 'WebSite', name: 'Research Reader' },
    });
  });

  it('describes the webinar as an online Event with offsets, organiser, sponsors, panels and speakers', () => {
    const data = eventData(event, times, 'https://example.org/b/rwchr-event/');
    expect(data).toMatchObject({
      '@type': 'Event',
      startDate: '2020-06-09T17:00:00-04:00',
      endDate: '2020-06-09T20:00:00-04:00',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      organizer: { '@type': 'Organization', name: 'Raoul Wallenberg Centre for Human Rights' },
    });
    expect(data.sponsor).toHaveLength(2);
    const [panel] = data.subEvent as unknown as { name: string; performer: unknown[] }[];
    expect(panel.name).toBe('China’s attempt to quarantine the truth');
    expect(panel.performer).toEqual([
      {
        '@type': 'PerformanceRole',
        roleName: 'Moderator',
        performer: { '@type': 'Person', name: 'Judith Abitan', description: 'RWCHR' },
      },
      { '@type': 'Person', name: 'Xiao Qiang', description: 'Counter-Power Lab' },
      { '@type': 'Person', name: 'Sarah Cook', description: 'Freedom House' },
    ]);
  });

  it('cannot be closed early by text inside it', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script>');
  });
});

describe('paragraph ids on the all-on-one page', () => {
  it('prefixes the paragraph ids and the links to them, nothing else', () => {
    const html =
      '<p id="p-1" data-p="1"><a class="para-link" href="#p-1" data-n="1"></a>See p-2 and <a href="#p-2x">x</a></p><h2 id="p-intro">';
    expect(prefixParagraphIds(html, 'sharp-power')).toBe(
      '<p id="sharp-power-p-1" data-p="1"><a class="para-link" href="#sharp-power-p-1" data-n="1"></a>See p-2 and <a href="#p-2x">x</a></p><h2 id="p-intro">',
    );
  });
});

describe('robots and feed', () => {
  it('points robots.txt at the sitemap and escapes XML', () => {
    expect(robotsTxt('https://e.org/r/sitemap.xml')).toContain('Sitemap: https://e.org/r/sitemap.xml');
    expect(escapeXml(`https://e.org/a&b/"<'>`)).toBe('https://e.org/a&amp;b/&quot;&lt;&apos;&gt;');
  });
});

describe('PNG header', () => {
  it('reads width and height from IHDR', () => {
    const bytes = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 4, 176, 0, 0, 2, 118,
    ]);
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
    expect(pngSize(new Uint8Array(30))).toBeNull();
  });
});

describe('social cards', () => {
  it('lists a card for the library, each cover and each section in reading order, each beside its page', () => {
    const cards = libraryCards([
      {
        slug: 'b',
        title: 'A briefing',
        sections: [
          { slug: 'one', title: 'First' },
          { slug: 'two', title: 'Second' },
        ],
      },
    ]);
    expect(cards).toEqual([
      { file: 'card', text: { siteName: SITE_NAME, kicker: 'Policy briefings to read, search, link and cite' } },
      { file: 'b/card', text: { siteName: SITE_NAME, briefingTitle: 'A briefing', kicker: '2 sections' } },
      {
        file: 'b/one/card',
        text: { siteName: SITE_NAME, briefingTitle: 'A briefing', sectionTitle: 'First', kicker: 'Section 1 of 2' },
      },
      {
        file: 'b/two/card',
        text: { siteName: SITE_NAME, briefingTitle: 'A briefing', sectionTitle: 'Second', kicker: 'Section 2 of 2' },
      },
    ]);
    // Each file is the path the page's og:image names, without the extension.
    expect(cards.map((c) => `/${c.file}.png`)).toEqual([
      createPaths('/').card(),
      createPaths('/').card('b'),
      createPaths('/').card('b', 'one'),
      createPaths('/').card('b', 'two'),
    ]);
  });
});
