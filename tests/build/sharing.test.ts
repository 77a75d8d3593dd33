// Deep links, link previews and citations, as the built files give them to readers and machines.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { BRIEFING, DIST, htmlFiles, loadPage, sectionFile, SECTION_SLUGS } from '../support/dist';
import { parseBibtex, parseRis } from '../support/citation-formats';
import { pngSize } from '../../src/lib/social-card';

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

describe('link previews', () => {
  it.each(pages)('%s has an absolute canonical URL, Open Graph and a large Twitter card', (file) => {
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

  it('lists every public page in sitemap.xml, absolute', () => {
    const document = parseXml(read('sitemap.xml'));
    const locs = [...document.querySelectorAll('loc')].map((l) => local(l.textContent!));
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

  it('describes the briefing as an Article with its sections and sources, no author or date', () => {
    const [article] = jsonLd(loadPage(`${BRIEFING}/index.html`));
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'China steps up foreign interference through CCP’s United Fronts',
      url: `${SITE}/${BRIEFING}/`,
      inLanguage: 'en',
      isPartOf: { '@type': 'WebSite', name: 'Research Reader' },
    });
    expect(article.description.length).toBeGreaterThan(50);
    expect(article.hasPart.map((p: { url: string }) => local(p.url))).toEqual(
      SECTION_SLUGS.map((s) => `/${BRIEFING}/${s}/`),
    );
    expect(article.citation.map((c: { name: string }) => c.name)).toContain(
      'Sharp Power: Rising Authoritarian Influence',
    );
    expect(article).not.toHaveProperty('author');
    expect(article).not.toHaveProperty('datePublished');
  });

  it.each(SECTION_SLUGS)('describes section %s as an Article that is part of the briefing', (slug) => {
    const [article] = jsonLd(loadPage(sectionFile(slug)));
    expect(article).toMatchObject({
      '@type': 'Article',
      url: `${SITE}/${BRIEFING}/${slug}/`,
      inLanguage: 'en',
      isPartOf: { '@type': 'Article', url: `${SITE}/${BRIEFING}/` },
    });
    expect(article.headline).toBe(loadPage(sectionFile(slug)).querySelector('h1')!.textContent);
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

describe('citations', () => {
  const works = [
    {
      page: `${BRIEFING}/index.html`,
      dir: `${BRIEFING}/`,
      title: 'China steps up foreign interference through CCP’s United Fronts',
    },
    { page: sectionFile('sharp-power'), dir: `${BRIEFING}/sharp-power/`, title: 'Sharp power' },
  ];

  it.each(works)('$page offers APA and Chicago with n.d., the URL and a place for the access date', ({ page, dir }) => {
    const doc = loadPage(page);
    const apa = doc.getElementById('cite-apa')!.textContent!;
    const chicago = doc.getElementById('cite-chicago')!.textContent!;
    for (const text of [apa, chicago]) {
      expect(text).toContain('n.d.');
      expect(text).toContain(`${SITE}/${dir}`);
      expect(text).toContain('[date you read it]');
      expect(text).not.toMatch(/\b20\d\d\b/);
    }
    expect(doc.querySelector('[data-copy="cite-apa"]')!.hasAttribute('hidden')).toBe(true);
  });

  it.each(works)(
    '$dir has BibTeX, RIS and CSL-JSON downloads that parse, linked from the page',
    ({ page, dir, title }) => {
      const doc = loadPage(page);
      for (const format of ['bib', 'ris', 'json']) {
        expect(doc.querySelector(`.cite-this a[href="/${dir}cite.${format}"][download]`), format).not.toBeNull();
      }
      const bib = parseBibtex(read(`${dir}cite.bib`));
      expect(bib.fields.title).toBe(`{${title}}`);
      expect(bib.fields.url).toBe(`${SITE}/${dir}`);
      expect(bib.fields).not.toHaveProperty('author');
      expect(bib.fields).not.toHaveProperty('year');
      const ris = parseRis(read(`${dir}cite.ris`));
      expect(ris.get('TI')).toEqual([title]);
      expect(ris.has('AU')).toBe(false);
      const [csl] = JSON.parse(read(`${dir}cite.json`));
      expect(csl).toMatchObject({ type: 'webpage', title, URL: `${SITE}/${dir}` });
      expect(csl).not.toHaveProperty('issued');
    },
  );

  it('gives Highwire citation tags for what the record states, and no author or date', () => {
    const doc = loadPage(sectionFile('sharp-power'));
    expect(meta(doc, 'citation_title')).toBe('Sharp power');
    expect(meta(doc, 'citation_inbook_title')).toBe('China steps up foreign interference through CCP’s United Fronts');
    expect(meta(doc, 'citation_fulltext_html_url')).toBe(`${SITE}/${BRIEFING}/sharp-power/`);
    expect(doc.querySelector('meta[name="citation_author"], meta[name="citation_publication_date"]')).toBeNull();
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

  it('has an RFC 5545 calendar file: CRLF, folded at 75 octets, UID, DTSTAMP, DTSTART and DTEND in UTC', () => {
    const ics = read(`${BRIEFING}/rwchr-event.ics`);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    for (const prop of [
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'DTSTART:20200609T210000Z',
      'DTEND:20200610T000000Z',
      'END:VEVENT',
      'END:VCALENDAR',
    ]) {
      expect(lines).toContain(prop);
    }
    expect(lines.find((l) => l.startsWith('UID:'))).toMatch(/^UID:\S+@\S+$/);
    expect(lines.find((l) => l.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(lines.find((l) => l.startsWith('PRODID:'))).toBeDefined();
  });

  it('says on the cover how the year was established', () => {
    const notes = loadPage(`${BRIEFING}/index.html`).querySelector('#source-notes')!.textContent!;
    expect(notes).toContain('9 June 2020 was a Tuesday');
  });
});
