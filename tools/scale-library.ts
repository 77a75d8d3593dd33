// A synthetic library for `npm run bench:scale`: N briefings of five sections each, written into a folder as the
// content check expects them (briefing.yaml, NN-slug.mdx with explicit heading ids, a search-aliases.yaml).
// Everything is drawn from a seeded generator, so the same seed and size always give the same files. The text is
// meaningless but shaped like the real briefing's: sentences of 10–30 words drawn from a Zipf-distributed
// vocabulary of about 30,000 words (common English words first, then made-up ones), paragraphs of 2–6 sentences,
// two to four headings of 3–7 words per section, about 350 words per section, a footnote citing a source and a
// cross-link to another section. Each briefing also names entities (entities.yaml), so entity pages and the mention
// finder are measured too: a few people, organisations and concepts shared by the whole library (the same slug and
// name in every briefing, as a think tank's recurring subjects are, so their entity pages span every briefing), one
// of them with a one-word alias, and two entities of the briefing's own; each is mentioned in the text by its name
// or an alias. QUERY_WORD occurs in roughly one section in ten (and always in the first briefing).
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SECTIONS_PER_BRIEFING = 5;
export const QUERY_WORD = 'sovereignty';
/** A misspelling of QUERY_WORD that matches nothing, for measuring "Did you mean". */
export const TYPO_WORD = 'soverignty';

/** Entities every briefing names (same slug, name and type everywhere), with the aliases the text also uses. */
export const SHARED_ENTITIES = [
  { slug: 'amara-okafor', name: 'Amara Okafor', type: 'person', aliases: ['Okafor'] },
  { slug: 'lindqvist-institute', name: 'Lindqvist Institute', type: 'organisation', aliases: [] },
  { slug: 'civic-resilience', name: 'civic resilience', type: 'concept', aliases: [], case: 'insensitive' },
] as const;

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = `the of and to in a that is for on with as by its said was are it from has have at be this an which
their or not were but they had been also more its other new than into over would about after its who government
party state public policy foreign national report officials council department minister ministry influence
security campaign media country countries international political economic support power groups analysis
diplomats community communities network networks online information sources research institute centre university
strategy pressure interests overseas trade agreement law regulation court election elections parliament
congress committee agency agencies programme program system systems accounts messages platform platforms
democracy rights freedom press reporting statement statements evidence record records official leaders leader
region regional military defence cooperation partners partnership investment funding grants organisation
organisations members member activities activity efforts effort officers office review inquiry panel webinar
speakers discussion question questions response responses risk risks threat threats measures framework
interference transparency accountability disclosure registration scheme schemes companies business sector
students scholars academics journalists editors newspapers broadcasters outlets audience audiences narrative
narratives messaging amplification coordination operations operation tactics tools methods approach approaches
during between against within across among without through under since while because however although whether`
  .split(/\s+/)
  .filter((w, i, all) => w && all.indexOf(w) === i);

const SYLLABLES = `ba be bi bo bu ca ce co cu da de di do du fa fe fi fo ga ge go gu ha he hi ho ka ke ki ko la le li
lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze
zo ar er ir or ur an en in on un al el il ol ul ast est ist ost ent ant int ion ter ver per lan ran tan mar nor`.split(
  /\s+/,
);

export interface Vocabulary {
  words: string[];
  /** Cumulative Zipf weights (exponent 1), for drawing a word by rank. */
  cumulative: number[];
}

export function buildVocabulary(random: () => number, size = 30_000): Vocabulary {
  const words = [...COMMON];
  const seen = new Set(words);
  while (words.length < size) {
    const count = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < count; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (!seen.has(word) && word !== QUERY_WORD) {
      seen.add(word);
      words.push(word);
    }
  }
  words.splice(300, 0, QUERY_WORD);
  words.length = size;
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= words.length; rank++) cumulative.push((total += 1 / rank));
  return { words, cumulative };
}

export function writeSyntheticLibrary(
  dir: string,
  briefings: number,
  seed: number,
  sectionsPerBriefing = SECTIONS_PER_BRIEFING,
): { sections: number; words: number; entities: number } {
  const random = seededRandom(seed);
  const vocabulary = buildVocabulary(random);
  const { words, cumulative } = vocabulary;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const rank = () => {
    const target = random() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const word = () => words[rank()];
  // Titles and slugs skip the most common words, as real titles mostly do.
  const contentWord = () => {
    for (;;) {
      const r = rank();
      if (r >= 40) return words[r];
    }
  };
  const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);
  const phrase = (min: number, max: number) => capitalise(Array.from({ length: int(min, max) }, contentWord).join(' '));
  let wordCount = 0;
  const sentence = () => {
    const n = int(10, 30);
    const parts = Array.from({ length: n }, word);
    if (n > 16) parts[int(5, n - 6)] += ',';
    return capitalise(parts.join(' ')) + '.';
  };
  const paragraph = () => Array.from({ length: int(2, 6) }, sentence).join(' ');

  mkdirSync(dir, { recursive: true });
  for (let b = 1; b <= briefings; b++) {
    const slug = `b${String(b).padStart(4, '0')}-${contentWord()}-${contentWord()}`;
    const folder = join(dir, slug);
    mkdirSync(folder);
    const title = phrase(4, 9);
    const sectionSlugs: string[] = [];
    const usedIds = new Set<string>();
    const sectionHeadings: string[][] = [];
    const sections: { title: string; description: string; headings: { text: string; id: string }[] }[] = [];
    for (let s = 0; s < sectionsPerBriefing; s++) {
      const sectionTitle = phrase(2, 5);
      let sectionSlug = sectionTitle.toLowerCase().split(' ').slice(0, 3).join('-');
      while (sectionSlugs.includes(sectionSlug) || sectionSlug === 'all') sectionSlug += `-${s + 1}`;
      sectionSlugs.push(sectionSlug);
      usedIds.add(sectionSlug);
      const headings = Array.from({ length: int(2, 4) }, () => {
        const text = phrase(3, 7);
        let id = text.toLowerCase().split(' ').slice(0, 4).join('-');
        while (usedIds.has(id)) id += `-${s + 1}`;
        usedIds.add(id);
        return { text, id };
      });
      sectionHeadings.push(headings.map((h) => h.id));
      sections.push({ title: sectionTitle, description: `${sentence().slice(0, -1)}.`, headings });
    }
    const sourceId = `source-${b}`;
    // The briefing's own two entities: made-up names no other briefing uses (the number keeps them apart).
    const own = [
      {
        slug: `${slug}-person`,
        name: `${capitalise(contentWord())} ${capitalise(contentWord())} B${b}`,
        type: 'person',
      },
      { slug: `${slug}-organisation`, name: `${phrase(1, 2)} Council B${b}`, type: 'organisation' },
    ];
    // Where each entity is mentioned: the shared ones in the first section and again in a later one, by name and by
    // alias; the briefing's own in the second section (or the first, in a one-section briefing).
    const mentionsIn = (s: number, h: number): string => {
      if (h !== 0) return '';
      const later = Math.min(sectionsPerBriefing - 1, 1 + (b % Math.max(1, sectionsPerBriefing - 1)));
      const parts: string[] = [];
      if (s === 0) parts.push(' Amara Okafor spoke for the Lindqvist Institute on civic resilience.');
      if (s === later) parts.push(' Okafor returned to Civic resilience later.');
      if (s === Math.min(1, sectionsPerBriefing - 1)) parts.push(` ${own[0].name} wrote to the ${own[1].name}.`);
      return parts.join('');
    };
    sections.forEach((section, s) => {
      const body: string[] = [];
      section.headings.forEach((heading, h) => {
        body.push(`## ${heading.text} {/* #${heading.id} */}`);
        const paragraphs = Array.from({ length: int(1, 2) }, paragraph);
        wordCount += paragraphs.join(' ').split(' ').length;
        if (b === 1 && s === 0 && h === 0) paragraphs[0] += ` The word ${QUERY_WORD} is always here.`;
        if (s === 0 && h === 0) paragraphs[0] += ' The European Union is named once in every briefing.';
        paragraphs[0] += mentionsIn(s, h);
        if (s === Math.min(1, sectionsPerBriefing - 1) && h === 0) paragraphs[0] += `[^${sourceId}]`;
        if (s === 2 && h === 0 && sectionsPerBriefing > 2) {
          const target = (s + 1) % sectionsPerBriefing;
          paragraphs[0] += ` See [the next section](section:${sectionSlugs[target]}#${sectionHeadings[target][0]}).`;
        }
        body.push(...paragraphs);
      });
      if (s === Math.min(1, sectionsPerBriefing - 1)) body.push(`[^${sourceId}]: ${sentence()}`);
      const file = `${String(s + 1).padStart(2, '0')}-${sectionSlugs[s]}.mdx`;
      writeFileSync(
        join(folder, file),
        `---\ntitle: ${JSON.stringify(section.title)}\ndescription: ${JSON.stringify(section.description)}\n---\n\n${body.join('\n\n')}\n`,
      );
    });
    writeFileSync(
      join(folder, 'briefing.yaml'),
      [
        `title: ${JSON.stringify(title)}`,
        `dek: ${JSON.stringify(paragraph())}`,
        'date:',
        `  value: "${2000 + (b % 25)}-${String(1 + (b % 12)).padStart(2, '0')}"`,
        '  inferred: false',
        'source:',
        `  title: ${JSON.stringify(title)}`,
        '  statement: Synthetic text generated for the scale benchmark.',
        'sources:',
        `  - id: ${sourceId}`,
        `    outlet: ${JSON.stringify(phrase(2, 4))}`,
        `    title: ${JSON.stringify(phrase(4, 8))}`,
        `    date: "${2000 + (b % 25)}"`,
        'notes:',
        '  editorial: Everything here is generated.',
        '',
      ].join('\n'),
    );
    const entities = [...SHARED_ENTITIES, ...own].map((e) =>
      [
        `  - slug: ${e.slug}`,
        `    name: ${JSON.stringify(e.name)}`,
        `    type: ${e.type}`,
        ...('aliases' in e && e.aliases.length ? [`    aliases: ${JSON.stringify(e.aliases)}`] : []),
        ...('case' in e ? [`    case: ${e.case}`] : []),
        `    description: ${JSON.stringify(`Named in the synthetic briefing ${b}.`)}`,
      ].join('\n'),
    );
    writeFileSync(join(folder, 'entities.yaml'), `entities:\n${entities.join('\n')}\n`);
  }
  writeFileSync(join(dir, 'search-aliases.yaml'), 'EU:\n  means: [European Union]\n');
  return {
    sections: briefings * sectionsPerBriefing,
    words: wordCount,
    entities: SHARED_ENTITIES.length + 2 * briefings,
  };
}

/**
 * A library of `copies` copies of a real briefing folder (its text, sections and entities as they are; only the
 * title gains "Copy N:", so the copies sort apart), with the content folder's search-aliases.yaml. The same
 * entities in every copy make each entity page span the whole library.
 */
export function writeCopiesLibrary(dir: string, source: string, copies: number): { sections: number } {
  mkdirSync(dir, { recursive: true });
  const briefing = readdirSync(source, { withFileTypes: true }).find((e) => e.isDirectory())!.name;
  const from = join(source, briefing);
  const sections = readdirSync(from).filter((f) => f.endsWith('.mdx')).length;
  for (let n = 1; n <= copies; n++) {
    const to = join(dir, `${briefing}-${String(n).padStart(4, '0')}`);
    cpSync(from, to, { recursive: true });
    const yaml = join(to, 'briefing.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^title: "/m, `title: "Copy ${n}: `));
  }
  cpSync(join(source, 'search-aliases.yaml'), join(dir, 'search-aliases.yaml'));
  return { sections: sections * copies };
}
