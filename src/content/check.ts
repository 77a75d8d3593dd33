// Checks a whole content folder before Astro builds it, so that a broken file fails the build with a
// message naming the file, the line and the field, and saying what to write. The folder is read once by
// src/content/load.ts (YAML validated with the schemas, each section parsed into one tree); the rules on a
// section's text live in src/content/check-mdx.ts, those on entities in src/content/check-entities.ts, and the
// rules that span files (unique order and slug, cross-links, heading ids, source ids) here.
import { ContentError, formatProblems, type ContentProblem } from './problems.ts';
import {
  loadLibrary,
  type KnownSection,
  type LoadedBriefing,
  type LoadedLibrary,
  type LoadedSection,
} from './load.ts';
import { checkSectionTree, type TreeFacts } from './check-mdx.ts';
import { checkEntities } from './check-entities.ts';
import { printsPhrase } from '../search/aliases.ts';
import { indexedText } from './indexed-text.ts';
import { parseCrossLink } from '../markdown/cross-links.ts';
import { sectionId } from '../model/files.ts';
import type { BriefingData, SectionData } from '../model/schemas.ts';

export { ContentError, formatProblems };

/** A section longer than this gets a warning: a page that long is slow to build, load and read. */
const LONG_SECTION_WORDS = 20_000;

interface CheckedSection extends LoadedSection {
  data: SectionData;
  facts: NonNullable<LoadedSection['facts']>;
  headingIds: string[];
  crossLinks: TreeFacts['crossLinks'];
}

export interface CheckedBriefing extends Omit<LoadedBriefing, 'data' | 'sections'> {
  data: BriefingData;
  sections: CheckedSection[];
}

export interface LibraryCheck {
  /** The briefings, complete only when there are no problems. */
  briefings: CheckedBriefing[];
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

/** Reads and checks every briefing under `contentDir`, returning every problem and warning. */
export function checkLibrary(contentDir: string, displayRoot = process.cwd()): LibraryCheck {
  // Each section's tree is checked as soon as it is parsed, then let go; what the checks across sections need
  // of it (its heading ids and cross-links) is kept, with the problems found in it.
  const ofTree = new Map<LoadedSection, { facts: TreeFacts; problems: ContentProblem[] }>();
  const library = loadLibrary(contentDir, displayRoot, {
    eachTree: (tree, section, { briefingDir, show }) => {
      const found: ContentProblem[] = [];
      const context = {
        file: section.file,
        path: section.path,
        briefingDir,
        bodyLine: section.bodyLine,
        hasEvent: Boolean(section.data?.event),
        show,
      };
      ofTree.set(section, { facts: checkSectionTree(tree, context, found), problems: found });
    },
  });
  const problems = [...library.problems];
  const warnings: ContentProblem[] = [];
  const checked: CheckedBriefing[] = [];

  for (const briefing of library.briefings) {
    const sections: CheckedSection[] = [];
    for (const section of briefing.sections) {
      const tree = ofTree.get(section);
      if (tree) problems.push(...tree.problems);
      if (tree && !tree.facts.hasText) {
        problems.push({ file: section.file, field: 'body', message: 'is empty: a section needs text' });
      }
      const words = section.facts?.words ?? 0;
      if (words > LONG_SECTION_WORDS) {
        warnings.push({
          file: section.file,
          field: '(length)',
          message: `has ${words.toLocaleString('en')} words, more than ${LONG_SECTION_WORDS.toLocaleString('en')}: a page this long is slow to build and to load on a phone; split it into several sections (files NN-slug.mdx)`,
        });
      }
      if (section.data && section.facts && tree)
        sections.push({
          ...section,
          data: section.data,
          facts: section.facts,
          headingIds: tree.facts.headingIds,
          crossLinks: tree.facts.crossLinks,
        });
    }
    checkAcrossSections(briefing, sections, library, problems);
    if (briefing.data) checked.push({ ...briefing, data: briefing.data, sections });
  }
  // Checks that read the whole text would only report follow-on errors when a file could not be read.
  if (library.complete) {
    checkEntities(library.briefings, problems);
    checkSearchAliases(library, problems);
  }
  return { briefings: checked, problems, warnings };
}

/** What the pages need of each checked section's text, by its collection id, `briefing/slug` (SECTION_FACTS). */
export function knownSections(briefings: CheckedBriefing[]): Record<string, KnownSection> {
  const known: Record<string, KnownSection> = {};
  for (const { slug: briefing, sections } of briefings)
    for (const { slug, order, facts } of sections)
      known[sectionId(briefing, slug)] = { order, facts: { words: facts.words, indexedText: facts.indexedText } };
  return known;
}

/** Reads and checks every briefing under `contentDir`; throws a ContentError listing every problem. */
export function validateLibrary(contentDir: string, displayRoot = process.cwd()): CheckedBriefing[] {
  const { briefings, problems } = checkLibrary(contentDir, displayRoot);
  if (problems.length > 0) throw new ContentError(problems);
  return briefings;
}

function checkAcrossSections(
  briefing: LoadedBriefing,
  sections: CheckedSection[],
  library: LoadedLibrary,
  problems: ContentProblem[],
) {
  const byOrder = new Map<number, string>();
  const bySlug = new Map<string, string>();
  const headingOwner = new Map<string, string>();
  for (const section of sections) {
    const sameOrder = byOrder.get(section.order);
    if (sameOrder) {
      problems.push({
        file: section.file,
        field: 'order',
        message: `${section.order} is also the order of ${sameOrder}: give each section its own number NN`,
      });
    }
    byOrder.set(section.order, section.file);
    const sameSlug = bySlug.get(section.slug);
    if (sameSlug) {
      problems.push({
        file: section.file,
        field: 'slug',
        message: `"${section.slug}" is also the slug of ${sameSlug}: rename one of the files`,
      });
    }
    bySlug.set(section.slug, section.file);
    for (const id of section.headingIds) {
      const owner = headingOwner.get(id);
      if (owner || bySlug.has(id)) {
        // Ids must be unique across the briefing: the all-on-one page shows every section at once.
        problems.push({
          file: section.file,
          field: `heading id "${id}"`,
          message: `is already used by ${owner ?? 'a section slug'} in this briefing: choose another id`,
        });
      }
      headingOwner.set(id, section.file);
    }
  }

  const everySectionRead = briefing.sections.length === sections.length && library.complete;
  for (const section of sections) {
    for (const link of section.crossLinks) {
      const parsed = parseCrossLink(link.url);
      const at = { file: section.file, line: link.line };
      if (!parsed) {
        problems.push({
          ...at,
          field: `cross-link "${link.url}"`,
          message: 'is not a link this site understands: write section:some-slug or section:some-slug#heading-id',
        });
        continue;
      }
      const { slug, fragment } = parsed;
      const target = sections.find((s) => s.slug === slug);
      if (!target) {
        // A section that could not be read may be the one named: say nothing until it can.
        if (everySectionRead)
          problems.push({ ...at, field: `cross-link "section:${slug}"`, message: 'names no section of this briefing' });
      } else if (fragment && !target.headingIds.includes(fragment)) {
        problems.push({
          ...at,
          field: `cross-link "section:${slug}#${fragment}"`,
          message: `names no heading of ${target.file} (its ids: ${target.headingIds.join(', ') || 'none'})`,
        });
      }
    }
    for (const cosponsor of section.data.event?.cosponsors ?? []) {
      if (!section.facts.indexedText.includes(cosponsor)) {
        problems.push({
          file: section.file,
          field: 'event.cosponsors',
          message: `"${cosponsor}" is not named in the text`,
        });
      }
    }
  }

  const data = briefing.data;
  if (!data) return;
  const sourceIds = new Map<string, number>();
  data.sources.forEach((source, i) => {
    const first = sourceIds.get(source.id);
    if (first !== undefined) {
      problems.push({
        file: briefing.file,
        line: briefing.lineOf(['sources', i, 'id']),
        field: `sources[${i + 1}].id`,
        message: `"${source.id}" is also the id of source ${first + 1}: give each source its own id (footnotes [^${source.id}] link to it)`,
      });
    } else sourceIds.set(source.id, i);
  });
  if (everySectionRead) {
    data.notes.removed.forEach((note, i) => {
      if (!bySlug.has(note.where)) {
        problems.push({
          file: briefing.file,
          line: briefing.lineOf(['notes', 'removed', i, 'where']),
          field: `notes.removed[${i + 1}].where`,
          message: `"${note.where}" names no section: write the slug of a section (${[...bySlug.keys()].join(', ')})`,
        });
      }
    });
  }
}

function checkSearchAliases(library: LoadedLibrary, problems: ContentProblem[]) {
  const { aliases, file, lineOf } = library.searchAliases;
  if (!aliases) return;
  const text = library.briefings
    .flatMap((b) => b.sections.map((s) => indexedText(s.facts?.indexedText ?? '', s.data?.event)))
    .join('\n');
  for (const [term, { means }] of Object.entries(aliases)) {
    if (!means.some((meaning) => printsPhrase(text, meaning))) {
      problems.push({
        file,
        line: lineOf([term, 'means']),
        field: `${term}.means`,
        message: `none of these words appears in any section: write words a section prints (${means.join(', ')})`,
      });
    }
  }
}
