// Deep links, link previews and citations, as the built files give them to readers and machines.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { BRIEFING, DIST, htmlFiles, loadPage, sectionFile, SECTION_SLUGS } from '../support/dist';
import ICAL from 'ical.js';
import { pngSize, renderCard, type CardText } from '../../src/formats/social-card';

const pages = htmlFiles();
const parseXml = (text: string) => new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
const SITE = 'http://localhost:4321';
const meta = (doc: Document, key: string) =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;
const jsonLd = (doc: Document) =>
  [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!));
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
/** The site path of an absolute URL on this site. */
const local = (url: string) => {
  expect(url.startsWith(`${SITE}/`), url).toBe(true);
  return new URL(url).pathname;
};

describe('paragraph numbers and ids', () => {
  const numbers = (root: Element, prefix: string) =>
    [...root.querySelectorAll('[data-p]')].map((el) => {
      const n = Number(el.getAttribute('data-p'));
      expect(el.id).toBe(`${prefix}p-${n}`);
      const link = el.querySelector(':scope > a.para-link')!;
      expect(link.getAttribute('href')).toBe(`#${prefix}p-${n}`);
      expect(link.getAttribute('data-n')).toBe(String(n));
      expect(link.getAttribute('aria-label')).toBe(`Link to paragraph ${n}`);
      expect(link.hasAttribute('data-pagefind-ignore')).toBe(true);
      return n;
    });
  const sectionCounts = SECTION_SLUGS.map((slug) =>
    numbers(loadPage(sectionFile(slug)).querySelector('article .prose')!, ''),
  );

  it.each(SECTION_SLUGS.map((slug, i) => [slug, i]))(
    'numbers %s 1..N, paragraphs, quotes and list items alike',
    (_slug, i) => {
      const found = sectionCounts[i as number];
      expect(found.length).toBeGreaterThan(0);
      expect(found).toEqual(found.map((_, k) => k + 1));
    },
  );

  it('numbers every paragraph and list item of the text, and nothing in the editors’ notes', () => {
    for (const slug of SECTION_SLUGS) {
      const prose = loadPage(sectionFile(slug)).querySelector('article .prose')!;
      for (const el of prose.querySelectorAll('p, li')) {
        const inProgramme = el.closest('.programme');
        const inNotes = el.closest('.footnotes');
        const numbered = el.closest('[data-p]');
        if (inNotes || inProgramme) expect(numbered, el.textContent!).toBeNull();
        else expect(numbered, el.textContent!).not.toBeNull();
      }
    }
  });

  it('gives the all-on-one page the same numbers under each section’s prefix, once each', () => {
    const doc = loadPage(`${BRIEFING}/all/index.html`);
    SECTION_SLUGS.forEach((slug, i) => {
      expect(numbers(doc.getElementById(slug)!, `${slug}-`)).toEqual(sectionCounts[i]);
    });
    const ids = [...doc.querySelectorAll('[id]')].map((el) => el.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('gives every heading of the text a link control, hidden from search', () => {
    for (const slug of SECTION_SLUGS) {
      const doc = loadPage(sectionFile(slug));
      const headings = [...doc.querySelectorAll('article .prose :is(h2, h3)[id]')].filter(
        (h) => !h.id.endsWith('footnote-label'),
      );
      expect(headings.length).toBeGreaterThan(0);
      for (const h of headings) {
        const link = h.querySelector('a.heading-link')!;
        expect(link, h.id).not.toBeNull();
        expect(link.getAttribute('href')).toBe(`#${h.id}`);
        expect(link.getAttribute('aria-label')).toBe(
          `Link to this section: ${h.textContent!.replace(/\s+/g, ' ').trim()}`,
        );
        expect(link.hasAttribute('data-pagefind-ignore')).toBe(true);
      }
    }
  });
});

// The 404 page is served at every missing address, so it names no canonical URL (tests/build/site.test.ts).
const previewed = pages.filter((file) => file !== '404.html');

describe('link previews', () => {
  it.each(previewed)('%s has an absolute canonical URL, Open Graph and a large Twitter card', (file) => {
    const doc = loadPage(file);
    const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
    local(canonical);
    expect(meta(doc, 'og:url')).toBe(canonical);
    expect(meta(doc, 'og:title')).toBe(doc.title);
    expect(meta(doc, 'og:description')).toBe(meta(doc, 'description'));
    expect(meta(doc, 'og:site_name')).toBe('Research Reader');
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    expect(meta(doc, 'twitter:image')).toBe(meta(doc, 'og:image'));
    expect(meta(doc, 'og:image:alt')!.length).toBeGreaterThan(3);
  });

  it('gives every page an og:image that exists and is a 1200×630 PNG', () => {
    const images = new Set(pages.map((file) => meta(loadPage(file), 'og:image')!));
    for (const image of images) {
      const path = join(DIST, decodeURIComponent(local(image)));
      expect(existsSync(path), image).toBe(true);
      expect(pngSize(readFileSync(path)), image).toEqual({ width: 1200, height: 630 });
    }
  });

  it('writes no card that no page shows', () => {
    const shown = new Set(pages.map((file) => decodeURIComponent(local(meta(loadPage(file), 'og:image')!))));
    const written = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('card.png'))
      .map((file) => `/${file}`);
    expect(written.sort()).toEqual([...shown].sort());
  });

  it('draws each card from the titles of the page it previews', async () => {
    const h1 = (file: string) => loadPage(file).querySelector('h1')!.textContent!.trim();
    const briefingTitle = h1(`${BRIEFING}/index.html`);
    const count = SECTION_SLUGS.length;
    const expected: [string, CardText][] = [
      [`${BRIEFING}/card.png`, { siteName: 'Research Reader', briefingTitle, kicker: `${count} sections` }],
      ...SECTION_SLUGS.map((slug, i): [string, CardText] => [
        `${BRIEFING}/${slug}/card.png`,
        {
          siteName: 'Research Reader',
          briefingTitle,
          sectionTitle: h1(sectionFile(slug)),
          kicker: `Section ${i + 1} of ${count}`,
        },
      ]),
    ];
    for (const [file, text] of expected)
      expect(Buffer.from(await renderCard(text)).equals(readFileSync(join(DIST, file))), file).toBe(true);
  });

  it('gives the cover and each section a card of its own', () => {
    const cards = [`${BRIEFING}/index.html`, ...SECTION_SLUGS.map(sectionFile)].map((f) =>
      meta(loadPage(f), 'og:image'),
    );
    expect(new Set(cards).size).toBe(cards.length);
    expect(local(cards[1]!)).toBe(`/${BRIEFING}/${SECTION_SLUGS[0]}/card.png`);
  });
});

describe('sitemap, robots and feed', () => {
  const publicPages = pages.filter((f) => f !== '404.html' && !f.startsWith('search/'));
  const pathOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;

  it('lists every public page in the sitemaps that sitemap.xml indexes, absolute', () => {
    const index = parseXml(read('sitemap.xml'));
    expect(index.querySelector('sitemapindex')).not.toBeNull();
    const sitemaps = [...index.querySelectorAll('sitemap > loc')].map((l) => local(l.textContent!));
    expect(sitemaps.length).toBeGreaterThan(0);
    const locs = sitemaps.flatMap((file) => {
      const sitemap = parseXml(read(file));
      expect(sitemap.querySelector('urlset'), file).not.toBeNull();
      return [...sitemap.querySelectorAll('url > loc')].map((l) => local(l.textContent!));
    });
    expect(locs.sort()).toEqual(publicPages.map(pathOf).sort());
  });

  it('points robots.txt at the sitemap', () => {
    expect(read('robots.txt')).toMatch(new RegExp(`^Sitemap: ${SITE}/sitemap.xml$`, 'm'));
  });

  it('has an RSS feed of the briefing and its sections, linked from every page', () => {
    const document = parseXml(read('feed.xml'));
    expect(document.querySelector('rss')!.getAttribute('version')).toBe('2.0');
    const links = [...document.querySelectorAll('item > link')].map((l) => local(l.textContent!));
    expect(links).toEqual([`/${BRIEFING}/`, ...SECTION_SLUGS.map((s) => `/${BRIEFING}/${s}/`)]);
    expect(document.querySelector('channel > link')!.textContent).toBe(`${SITE}/`);
    // No date the record does not give.
    expect(document.querySelectorAll('pubDate, lastBuildDate')).toHaveLength(0);
    for (const file of pages) {
      expect(
        loadPage(file).querySelector('link[rel="alternate"][type="application/rss+xml"]')!.getAttribute('href'),
      ).toBe('/feed.xml');
    }
  });
});

describe('structured data', () => {
  it('parses every JSON-LD block on every page', () => {
    for (const file of pages) expect(() => jsonLd(loadPage(file)), file).not.toThrow();
  });

  it('describes the briefing as a web page with its sections and sources, no author or date', () => {
    const [page] = jsonLd(loadPage(`${BRIEFING}/index.html`));
    expect(page).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'WebPage',
      headline: 'China steps up foreign interference through CCP’s United Fronts',
      url: `${SITE}/${BRIEFING}/`,
      inLanguage: 'en',
      isPartOf: { '@type': 'WebSite', name: 'Research Reader' },
    });
    expect(page.description.length).toBeGreaterThan(50);
    expect(page.hasPart.map((p: { url: string }) => local(p.url))).toEqual(
      SECTION_SLUGS.map((s) => `/${BRIEFING}/${s}/`),
    );
    expect(page.citation.map((c: { name: string }) => c.name)).toContain('Sharp Power: Rising Authoritarian Influence');
    expect(page).not.toHaveProperty('author');
    expect(page).not.toHaveProperty('datePublished');
  });

  it.each(SECTION_SLUGS)('describes section %s as a web page that is part of the briefing’s', (slug) => {
    const [page] = jsonLd(loadPage(sectionFile(slug)));
    expect(page).toMatchObject({
      '@type': 'WebPage',
      url: `${SITE}/${BRIEFING}/${slug}/`,
      inLanguage: 'en',
      isPartOf: { '@type': 'WebPage', url: `${SITE}/${BRIEFING}/`, isPartOf: { '@type': 'WebSite' } },
    });
    expect(page.headline).toBe(loadPage(sectionFile(slug)).querySelector('h1')!.textContent);
    expect(page).not.toHaveProperty('author');
    expect(page).not.toHaveProperty('datePublished');
  });

  it('describes the webinar as an online Event with offsets, organiser, co-sponsors, panels and speakers', () => {
    const event = jsonLd(loadPage(sectionFile('rwchr-event'))).find((d) => d['@type'] === 'Event');
    expect(event).toMatchObject({
      name: 'China at a Crossroads: Standing up for Human Rights During the Pandemic',
      startDate: '2020-06-09T17:00:00-04:00',
      endDate: '2020-06-09T20:00:00-04:00',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      organizer: { '@type': 'Organization', name: 'Raoul Wallenberg Centre for Human Rights' },
    });
    expect(event.sponsor.map((s: { name: string }) => s.name)).toContain('Freedom House');
    expect(event.subEvent).toHaveLength(3);
    const speakers = event.subEvent.flatMap((p: { performer: { '@type': string; name?: string }[] }) =>
      p.performer.filter((x) => x['@type'] === 'Person').map((x) => x.name),
    );
    expect(speakers).toHaveLength(10);
    expect(speakers).toContain('Irwin Cotler');
  });
});

describe('the webinar', () => {
  const doc = loadPage(sectionFile('rwchr-event'));
  const facts = doc.querySelector('.programme__facts')!.textContent!.replace(/\s+/g, ' ');

  it('dates the event in the site’s style, keeps the time as printed in the text, says it took place, links its calendar', () => {
    expect(facts).toContain('Tuesday, 9 June 2020, 17:00–20:00 EDT (UTC−4)');
    expect(doc.querySelector('#p-1')!.textContent).toContain('Tuesday, June 9 from 5:00-8:00PM EDT');
    expect(facts).toContain('took place');
    expect(facts).not.toMatch(/register now|sign up/i);
    expect(doc.querySelector(`.programme a[href="/${BRIEFING}/rwchr-event.ics"]`)!.textContent).toBe('Add to calendar');
    expect(doc.querySelector('[data-local-time]')!.getAttribute('data-start')).toBe('2020-06-09T17:00:00-04:00');
  });

  it('has an RFC 5545 calendar file, CRLF and folded at 75 octets, that ical.js reads as the event', () => {
    const ics = read(`${BRIEFING}/rwchr-event.ics`);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]);
    expect(event.summary).toBe('China at a Crossroads: Standing up for Human Rights During the Pandemic');
    // 5:00–8:00 PM EDT on 9 June 2020, in UTC.
    expect(event.startDate.toJSDate().toISOString()).toBe('2020-06-09T21:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2020-06-10T00:00:00.000Z');
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.uid).toMatch(/^\S+@\S+$/);
    expect(event.location).toBe('Online');
    expect(event.description).toContain('Moderator: Judith Abitan. Speakers: Xiao Qiang, Sarah Cook, Chris Walker.');
    expect(events[0].getFirstPropertyValue('dtstamp')?.toString()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(events[0].getFirstPropertyValue('url')).toBe(`${SITE}/${BRIEFING}/rwchr-event/`);
  });

  it('says on the cover how the year was established', () => {
    const notes = loadPage(`${BRIEFING}/index.html`).querySelector('#source-notes')!.textContent!;
    expect(notes).toContain('9 June 2020 was a Tuesday');
  });
});
