// Checks a whole content folder before Astro builds it, so that a broken file fails the build with a
// message naming the file and the field. Astro's collections validate each file on its own; the
// rules that span files (unique order and slug, cross-links, heading ids) live here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import { parseSectionFileName, RESERVED_SECTION_SLUGS, SLUG_PATTERN } from './content-files';
import { headingsInSource } from './heading-ids';
import { briefingSchema, searchAliasesSchema, sectionSchema } from './schemas';
import { printsPhrase } from './search-aliases';
import { indexedText } from './indexed-text';
import type { Briefing, SectionData } from './schemas';
import { CROSS_LINK_PATTERN } from './cross-links';
import { checkEntities, readEntities, type BriefingEntities } from './validate-entities';

export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `The content folder has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${p.file}: field "${p.field}": ${p.message}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}

export interface CheckedSection {
  file: string;
  order: number;
  slug: string;
  data: SectionData;
  body: string;
  headingIds: string[];
}

export interface CheckedBriefing {
  slug: string;
  data: Briefing;
  sections: CheckedSection[];
  entities: BriefingEntities;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Reads and checks every briefing under `contentDir`; throws a ContentError listing every problem. */
export function validateLibrary(contentDir: string, displayRoot = process.cwd()): CheckedBriefing[] {
  const problems: ContentProblem[] = [];
  const show = (path: string) => relative(displayRoot, path) || path;
  const briefings: CheckedBriefing[] = [];

  const folders = readdirSync(contentDir).filter((name) => statSync(join(contentDir, name)).isDirectory());
  if (folders.length === 0) {
    problems.push({ file: show(contentDir), field: '(folder)', message: 'holds no briefing folder' });
  }

  for (const folder of folders.sort()) {
    const dir = join(contentDir, folder);
    if (!SLUG_PATTERN.test(folder)) {
      problems.push({ file: show(dir), field: '(folder name)', message: 'must be lowercase words joined by hyphens' });
    }
    const data = readBriefing(join(dir, 'briefing.yaml'), show, problems);
    const sections = readSections(dir, show, problems);
    if (sections.length === 0) {
      problems.push({ file: show(dir), field: '(sections)', message: 'holds no NN-slug.mdx section file' });
    }
    if (data) {
      checkAcrossSections(show(join(dir, 'briefing.yaml')), data, sections, problems);
      briefings.push({ slug: folder, data, sections, entities: readEntities(dir, show, problems) });
    }
  }
  // A section that failed to load has no text to search, so "never mentioned" would only be noise.
  checkEntities(briefings, problems, { mentions: problems.length === 0 });

  checkSearchAliases(join(contentDir, 'search-aliases.yaml'), briefings, show, problems);

  if (problems.length > 0) throw new ContentError(problems);
  return briefings;
}

/** Everything a section prints: its body and its event programme. */
export function sectionText(section: { body: string; data: SectionData }): string {
  return `${section.body}\n${section.data.event ? JSON.stringify(section.data.event) : ''}`;
}

function checkSearchAliases(
  path: string,
  briefings: CheckedBriefing[],
  show: (p: string) => string,
  problems: ContentProblem[],
) {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // aliases are optional
    problems.push({ file: show(path), field: '(file)', message: `is not valid YAML: ${(error as Error).message}` });
    return;
  }
  const aliases = parseWith(searchAliasesSchema, raw, show(path), problems);
  if (!aliases) return;
  const text = briefings.flatMap((b) => b.sections.map((s) => indexedText(s.body, s.data.event))).join('\n');
  for (const [term, { means }] of Object.entries(aliases)) {
    if (!means.some((meaning) => printsPhrase(text, meaning))) {
      problems.push({
        file: show(path),
        field: `${term}.means`,
        message: 'none of these words appears in any section',
      });
    }
  }
}

function readBriefing(path: string, show: (p: string) => string, problems: ContentProblem[]): Briefing | null {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    problems.push({
      file: show(path),
      field: '(file)',
      message: missing
        ? 'is missing: every briefing folder needs one'
        : `is not valid YAML: ${(error as Error).message}`,
    });
    return null;
  }
  return parseWith(briefingSchema, raw, show(path), problems);
}

function readSections(dir: string, show: (p: string) => string, problems: ContentProblem[]): CheckedSection[] {
  const sections: CheckedSection[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.mdx'))
    .sort()) {
    const path = join(dir, name);
    const file = show(path);
    const parsedName = parseSectionFileName(name);
    if (!parsedName) {
      problems.push({ file, field: '(file name)', message: 'must be NN-slug.mdx, e.g. 03-sharp-power.mdx' });
      continue;
    }
    if ((RESERVED_SECTION_SLUGS as readonly string[]).includes(parsedName.slug)) {
      problems.push({ file, field: 'slug', message: `"${parsedName.slug}" is reserved for the briefing's own pages` });
    }
    const source = readFileSync(path, 'utf8');
    const match = FRONTMATTER.exec(source);
    if (!match) {
      problems.push({ file, field: '(frontmatter)', message: 'is missing: start the file with a --- block' });
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(match[1]) ?? {};
    } catch (error) {
      problems.push({ file, field: '(frontmatter)', message: `is not valid YAML: ${(error as Error).message}` });
      continue;
    }
    const data = parseWith(sectionSchema, raw, file, problems);
    const body = match[2];
    if (body.replace(/\{\/\*[\s\S]*?\*\/\}/g, '').trim() === '') {
      problems.push({ file, field: 'body', message: 'is empty: a section needs text' });
    }
    const headingIds: string[] = [];
    for (const heading of headingsInSource(body)) {
      if (heading.depth === 1) {
        problems.push({
          file,
          field: `heading "${heading.text}"`,
          message: 'is an h1: the page title is the h1; start at ##',
        });
      } else if (!heading.id) {
        problems.push({
          file,
          field: `heading "${heading.text}"`,
          message: 'has no id: end the line with {/* #some-id */} (lowercase, hyphens)',
        });
      } else {
        headingIds.push(heading.id);
      }
    }
    if (data) sections.push({ file, ...parsedName, data, body, headingIds });
  }
  return sections;
}

function checkAcrossSections(
  briefingFile: string,
  briefing: Briefing,
  sections: CheckedSection[],
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
        message: `${section.order} is also the order of ${sameOrder}`,
      });
    }
    byOrder.set(section.order, section.file);
    const sameSlug = bySlug.get(section.slug);
    if (sameSlug) {
      problems.push({
        file: section.file,
        field: 'slug',
        message: `"${section.slug}" is also the slug of ${sameSlug}`,
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
          message: `is already used by ${owner ?? 'a section slug'} in this briefing`,
        });
      }
      headingOwner.set(id, section.file);
    }
  }

  for (const section of sections) {
    for (const match of section.body.matchAll(CROSS_LINK_PATTERN)) {
      const [, slug, fragment] = match;
      const target = sections.find((s) => s.slug === slug);
      if (!target) {
        problems.push({
          file: section.file,
          field: `cross-link "section:${slug}"`,
          message: 'names no section of this briefing',
        });
      } else if (fragment && !target.headingIds.includes(fragment)) {
        problems.push({
          file: section.file,
          field: `cross-link "section:${slug}#${fragment}"`,
          message: `names no heading of ${target.file}`,
        });
      }
    }
    for (const cosponsor of section.data.event?.cosponsors ?? []) {
      if (!section.body.includes(cosponsor)) {
        problems.push({
          file: section.file,
          field: 'event.cosponsors',
          message: `"${cosponsor}" is not named in the text`,
        });
      }
    }
  }

  briefing.notes.removed.forEach((note, i) => {
    if (!bySlug.has(note.where)) {
      problems.push({
        file: briefingFile,
        field: `notes.removed.${i}.where`,
        message: `"${note.where}" names no section`,
      });
    }
  });
}

function parseWith<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  file: string,
  problems: ContentProblem[],
): z.infer<T> | null {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file, field: issue.path.join('.') || '(root)', message: issue.message });
  }
  return null;
}
