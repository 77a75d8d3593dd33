// Reads a content folder as data: each briefing's briefing.yaml, entities.yaml and NN-slug.mdx sections,
// every file checked to be UTF-8 without a byte-order mark, every YAML block validated with the Zod schemas,
// and every section parsed ONCE into a Markdown tree (mdast, with MDX and GFM syntax). Everything else reads the
// content through this module: the content check (src/content/check*.ts) walks each tree as it is parsed, the
// site's pages take each section's facts (its words, the text search indexes, where mentions count) derived
// from its tree, and Astro's data collections and the Markdown plugins take the validated YAML. Nothing in a
// section is run: MDX expressions and imports are only parsed here, so the checks can refuse them before Astro
// compiles the file into code.
//
// A tree is let go as soon as its facts are derived: a library of 1,000 briefings has 5,000 sections, whose trees
// would otherwise be held for the whole build.
//
// `loadLibrary(dir)` never throws for bad content: it returns what it could read and a list of problems,
// each naming the file and, where there is one, the line. A file that could not be read is marked, so that
// checks which need the whole text (is every entity mentioned? does every alias appear?) are skipped rather
// than reporting follow-on errors.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'astro/zod';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { indexedTextOf } from './indexed-text.ts';
import { mentionableTexts } from '../entities/mentions.ts';
import { wordsOf } from './reading-time.ts';
import { parseSectionFileName, RESERVED_SECTION_SLUGS, SLUG_PATTERN } from '../model/files.ts';
import { schemaProblems, type ContentProblem } from './problems.ts';
import {
  briefingSchema,
  entitiesFileSchema,
  searchAliasesSchema,
  sectionSchema,
  type BriefingData,
  type Entity,
  type SectionData,
} from '../model/schemas.ts';

const BRIEFING_FILE = 'briefing.yaml';
const ENTITIES_FILE = 'entities.yaml';
const SEARCH_ALIASES_FILE = 'search-aliases.yaml';
/** Images a section may show, stored in its briefing's folder (or a folder inside it). */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg'];

/** What the rest of the site needs of a section's text, derived from its tree. */
interface SectionFacts {
  /** The words a reader reads: headings, prose, quotations and notes (reading time). */
  words: number;
  /** The body as search indexes it: without the notes (the event programme, from the frontmatter, is not in it). */
  indexedText: string;
  /** The runs of text in which a name counts as a mention of an entity (not headings, links, code or notes). */
  mentionable: string[];
}

export interface LoadedSection {
  /** The path as shown in messages, e.g. `content/china-united-front/03-sharp-power.mdx`. */
  file: string;
  path: string;
  order: number;
  slug: string;
  /** The frontmatter, or null when it is broken (the problems say why). */
  data: SectionData | null;
  /** The line of the file on which the body starts: tree line N is file line N + bodyLine - 1. */
  bodyLine: number;
  /** What its text says, or null when it is not valid MDX. */
  facts: SectionFacts | null;
}

/** What the pages need of a section's text (src/library/briefings.ts; SECTION_FACTS in src/site/build-env.ts). */
export type KnownSection = Pick<LoadedSection, 'order'> & { facts: Pick<SectionFacts, 'words' | 'indexedText'> | null };

export interface LoadedEntities {
  file: string;
  entities: Entity[];
  /** The line of a field of the file, e.g. `['entities', 2, 'slug']`. */
  lineOf: LineOf;
}

export interface LoadedBriefing {
  slug: string;
  dir: string;
  /** briefing.yaml as shown in messages. */
  file: string;
  data: BriefingData | null;
  lineOf: LineOf;
  sections: LoadedSection[];
  entities: LoadedEntities;
}

export interface LoadedLibrary {
  contentDir: string;
  briefings: LoadedBriefing[];
  searchAliases: { file: string; aliases: Record<string, { means: string[] }> | null; lineOf: LineOf };
  problems: ContentProblem[];
  /** False when some file could not be read or parsed: checks across the whole text are then skipped. */
  complete: boolean;
  /** Shows a path as messages do: relative to the display root. */
  show: (path: string) => string;
}

type LineOf = (path: readonly PropertyKey[]) => number | undefined;
const noLine: LineOf = () => undefined;

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface LoadOptions {
  /** False reads only the YAML files (briefing.yaml, entities.yaml, search-aliases.yaml), not the sections. */
  sections?: boolean;
  /**
   * False forgets where each field of a valid YAML file is written (its `lineOf` says nothing): the site needs the
   * data, not the lines the checks report, and keeping each file's YAML document for them would hold about 180 KB
   * for the real briefing's files for the whole build. Problems found while reading still have their lines.
   */
  lines?: boolean;
  /**
   * Called with each section's tree as soon as it is parsed: the content check's rules on a section's text. The
   * tree is not kept: once this has returned and the section's facts are derived from it, it is let go.
   */
  eachTree?: (
    tree: Root,
    section: LoadedSection,
    where: { briefingDir: string; show: (path: string) => string },
  ) => void;
}

/** A read in progress: how it shows paths, the problems found, whether every file could be read. */
interface Reading {
  show: (path: string) => string;
  problems: ContentProblem[];
  complete: boolean;
  /** A problem with a whole file, which leaves the library's text incomplete. */
  unreadable: (problem: ContentProblem) => void;
}

/** How messages show a path: relative to `displayRoot`, or absolute outside it. */
export function shownFrom(displayRoot: string): (path: string) => string {
  return (path) => {
    const shown = relative(displayRoot, path);
    return shown && !shown.startsWith('..') ? shown : path;
  };
}

function startReading(displayRoot: string): Reading {
  const reading: Reading = {
    show: shownFrom(displayRoot),
    problems: [],
    complete: true,
    unreadable: (problem) => {
      reading.problems.push(problem);
      reading.complete = false;
    },
  };
  return reading;
}

/** Reads every briefing under `contentDir`; paths in messages are relative to `displayRoot`. */
export function loadLibrary(contentDir: string, displayRoot = process.cwd(), options: LoadOptions = {}): LoadedLibrary {
  const reading = startReading(displayRoot);
  const { show, problems, unreadable } = reading;

  const briefings: LoadedBriefing[] = [];
  let entries: import('node:fs').Dirent[] = [];
  try {
    entries = readdirSync(contentDir, { withFileTypes: true });
  } catch {
    unreadable({
      file: show(contentDir),
      field: '(folder)',
      message: 'does not exist: set READER_CONTENT_DIR to a content folder',
    });
  }
  const visible = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of visible) {
    if (entry.isDirectory() || entry.name === SEARCH_ALIASES_FILE) continue;
    unreadable({
      file: show(join(contentDir, entry.name)),
      field: '(file)',
      message: `is not read: the content folder holds one folder per briefing and ${SEARCH_ALIASES_FILE}; move this file out of it`,
    });
  }
  const folders = visible.filter((e) => e.isDirectory()).map((e) => e.name);
  if (folders.length === 0 && entries.length > 0) {
    problems.push({ file: show(contentDir), field: '(folder)', message: 'holds no briefing folder' });
  }

  for (const folder of folders) {
    const dir = join(contentDir, folder);
    if (!SLUG_PATTERN.test(folder)) {
      problems.push({ file: show(dir), field: '(folder name)', message: 'must be lowercase words joined by hyphens' });
    }
    briefings.push(readBriefing(dir, reading, options));
  }

  const aliasesPath = join(contentDir, SEARCH_ALIASES_FILE);
  const aliases = readYamlFile(aliasesPath, show, searchAliasesSchema, unreadable, problems, {
    required: false,
    lines: options.lines,
  });
  return {
    contentDir,
    briefings,
    searchAliases: { file: show(aliasesPath), aliases: aliases.value, lineOf: aliases.lineOf },
    problems,
    complete: reading.complete,
    show,
  };
}

/**
 * One briefing folder, read as `loadLibrary` reads it, for code that needs one briefing while the site builds (the
 * Markdown plugins). Its problems are not returned: the content check, which runs first, reports them.
 */
export function loadBriefing(dir: string, options: LoadOptions = {}): LoadedBriefing {
  return readBriefing(dir, startReading(process.cwd()), options);
}

/**
 * One section file, read as `loadLibrary` reads it, for the pages of the site (its facts; the tree is let go). Null
 * when its name is not NN-slug.mdx or it cannot be read; its problems are the content check's to report.
 */
export function loadSection(path: string): LoadedSection | null {
  const name = parseSectionFileName(basename(path));
  return name ? readSection(path, name, startReading(process.cwd()), () => {}) : null;
}

function readBriefing(dir: string, reading: Reading, options: LoadOptions): LoadedBriefing {
  const { show, problems, unreadable } = reading;
  const briefingPath = join(dir, BRIEFING_FILE);
  const briefing = readYamlFile(briefingPath, show, briefingSchema, unreadable, problems, {
    required: true,
    lines: options.lines,
  });
  const entitiesPath = join(dir, ENTITIES_FILE);
  const entities = readYamlFile(entitiesPath, show, entitiesFileSchema, unreadable, problems, {
    required: false,
    lines: options.lines,
  });
  const sections: LoadedSection[] = [];
  if (options.sections !== false) {
    for (const name of filesOf(dir, show, unreadable)) {
      const parsedName = parseSectionFileName(name);
      if (!parsedName) continue;
      const section = readSection(join(dir, name), parsedName, reading, (tree, read) =>
        options.eachTree?.(tree, read, { briefingDir: dir, show }),
      );
      if (section) sections.push(section);
    }
    if (sections.length === 0) {
      problems.push({ file: show(dir), field: '(sections)', message: 'holds no NN-slug.mdx section file' });
    }
  }
  return {
    slug: basename(dir),
    dir,
    file: show(briefingPath),
    data: briefing.value,
    lineOf: briefing.lineOf,
    sections,
    entities: { file: show(entitiesPath), entities: entities.value?.entities ?? [], lineOf: entities.lineOf },
  };
}

/**
 * The names of a briefing folder's section files (NN-slug.mdx), in order. Every other file is reported
 * (it would not be published), except briefing.yaml, entities.yaml, images and hidden files (.DS_Store).
 */
function filesOf(dir: string, show: (p: string) => string, unreadable: (p: ContentProblem) => void): string[] {
  const sections: string[] = [];
  const visit = (folder: string, top: boolean) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const name = entry.name;
      const path = join(folder, name);
      if (name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        visit(path, false);
        continue;
      }
      const ext = extname(name);
      if (IMAGE_EXTENSIONS.includes(ext)) continue;
      if (top && (name === BRIEFING_FILE || name === ENTITIES_FILE)) continue;
      if (top && ext === '.mdx') {
        if (parseSectionFileName(name)) sections.push(name);
        else
          unreadable({
            file: show(path),
            field: '(file name)',
            message: 'must be NN-slug.mdx, e.g. 03-sharp-power.mdx',
          });
        continue;
      }
      unreadable({ file: show(path), field: '(file)', message: whyNotRead(name, top) });
    }
  };
  visit(dir, true);
  return sections;
}

function whyNotRead(name: string, top: boolean): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  const sectionName = parseSectionFileName(`${stem}.mdx`) ? `${stem}.mdx` : `NN-${stem.replace(/^\d+-/, '')}.mdx`;
  const holds = `a briefing folder holds ${BRIEFING_FILE}, ${ENTITIES_FILE}, NN-slug.mdx sections and the images they show (${IMAGE_EXTENSIONS.join(' ')})`;
  if (!top) return `is not read: only images may be kept in a folder inside a briefing; ${holds}`;
  if (ext.toLowerCase() === '.mdx')
    return `is not read: the extension must be written .mdx in lowercase; rename it ${sectionName} to publish it`;
  if (ext.toLowerCase() === '.md' || ext.toLowerCase() === '.markdown')
    return `is a Markdown file, which is not read: sections are .mdx files; rename it ${sectionName} to publish it as a section, or move it out of the content folder`;
  if (IMAGE_EXTENSIONS.includes(ext.toLowerCase()))
    return `is not read: write the image's extension in lowercase (${ext.toLowerCase()})`;
  if (ext === '.yml' && [BRIEFING_FILE, ENTITIES_FILE].includes(`${stem}.yaml`))
    return `is not read: the file must be named ${stem}.yaml`;
  return `is not read: ${holds}; move this file out of the content folder`;
}

/** Reads a file as UTF-8 text, refusing a byte-order mark and bytes that are not UTF-8. */
function readUtf8(path: string): { text: string } | { problem: string; line?: number } {
  const bytes = readFileSync(path);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return {
      problem:
        'starts with a byte-order mark (BOM), invisible bytes some editors add: save it as UTF-8 without BOM ("UTF-8", not "UTF-8 with BOM")',
      line: 1,
    };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { problem: 'is saved as UTF-16: save it as UTF-8 (without BOM)', line: 1 };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    // Find the first line that does not decode, so the editor knows where to look.
    let start = 0;
    let line = 1;
    while (start < bytes.length) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      try {
        decoder.decode(bytes.subarray(start, end));
      } catch {
        const shown = new TextDecoder('latin1').decode(bytes.subarray(start, end)).trim().slice(0, 60);
        return {
          problem: `is not UTF-8 text: this line has bytes that are not UTF-8 (perhaps Latin-1 or Windows-1252: "${shown}"); save the file as UTF-8`,
          line,
        };
      }
      start = end + 1;
      line += 1;
    }
    return { problem: 'is not UTF-8 text: save it as UTF-8' };
  }
}

/** Parses YAML text with line numbers; `firstLine` is the file line the text starts on. */
function parseYaml(
  text: string,
  file: string,
  firstLine: number,
): { raw: unknown; lineOf: LineOf } | { problem: ContentProblem } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const error = doc.errors[0];
  if (error) {
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return {
      problem: {
        file,
        line: lineAt(error.pos[0]),
        field: '(file)',
        message: `is not valid YAML: ${message} (check the indentation and quote text that contains ": " or starts with a special character)`,
      },
    };
  }
  const lineOf: LineOf = (path) => {
    let node: unknown = doc.contents;
    let line: number | undefined;
    for (const key of path) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
        if (!pair) return line;
        const keyNode = pair.key as YamlNode | null;
        if (keyNode?.range) line = lineAt(keyNode.range[0]);
        next = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        next = node.items[key];
        const range = (next as YamlNode | undefined)?.range;
        if (!range) return line;
        line = lineAt(range[0]);
      } else {
        return line;
      }
      node = next;
    }
    return line;
  };
  return { raw: doc.toJS(), lineOf };
}

function readYamlFile<T extends z.ZodType>(
  path: string,
  show: (p: string) => string,
  schema: T,
  unreadable: (p: ContentProblem) => void,
  problems: ContentProblem[],
  options: { required: boolean; lines?: boolean },
): { value: z.infer<T> | null; lineOf: LineOf } {
  const file = show(path);
  let read: ReturnType<typeof readUtf8>;
  try {
    read = readUtf8(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (options.required) unreadable({ file, field: '(file)', message: 'is missing: every briefing folder needs one' });
    return { value: null, lineOf: noLine };
  }
  if ('problem' in read) {
    unreadable({ file, line: read.line, field: '(file)', message: read.problem });
    return { value: null, lineOf: noLine };
  }
  const parsed = parseYaml(read.text, file, 1);
  if ('problem' in parsed) {
    unreadable(parsed.problem);
    return { value: null, lineOf: noLine };
  }
  const result = schema.safeParse(parsed.raw ?? {});
  if (!result.success) {
    problems.push(...schemaProblems(result.error.issues, parsed.raw, file, parsed.lineOf));
    return { value: null, lineOf: parsed.lineOf };
  }
  return { value: result.data, lineOf: options.lines === false ? noLine : parsed.lineOf };
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Parses an MDX body into mdast; throws the parser's message (with its line) when it is not valid MDX. */
export function parseMdx(body: string): Root {
  return parser.parse(body);
}

function readSection(
  path: string,
  name: { order: number; slug: string },
  { show, unreadable, problems }: Reading,
  eachTree: (tree: Root, section: LoadedSection) => void,
): LoadedSection | null {
  const file = show(path);
  if ((RESERVED_SECTION_SLUGS as readonly string[]).includes(name.slug)) {
    problems.push({ file, field: 'slug', message: `"${name.slug}" is reserved for the briefing's own pages` });
  }
  const read = readUtf8(path);
  if ('problem' in read) {
    unreadable({ file, line: read.line, field: '(file)', message: read.problem });
    return null;
  }
  const match = FRONTMATTER.exec(read.text);
  if (!match) {
    unreadable({
      file,
      line: 1,
      field: '(frontmatter)',
      message: 'is missing: start the file with a block of "title:" and "description:" lines between two lines of ---',
    });
    return null;
  }
  const body = read.text.slice(match[0].length);
  const bodyLine = match[0].split('\n').length;
  const yaml = parseYaml(match[1], file, 2);
  let data: SectionData | null = null;
  if ('problem' in yaml) {
    unreadable(yaml.problem);
  } else {
    const result = sectionSchema.safeParse(yaml.raw ?? {});
    if (result.success) data = result.data;
    else problems.push(...schemaProblems(result.error.issues, yaml.raw, file, yaml.lineOf));
  }
  const section: LoadedSection = { file, path, ...name, data, bodyLine, facts: null };
  let tree: Root;
  try {
    tree = parseMdx(body);
  } catch (error) {
    const { line, reason } = error as { line?: number; reason?: string };
    unreadable({
      file,
      line: line ? line + bodyLine - 1 : undefined,
      field: '(text)',
      message: `is not valid MDX: ${reason ?? String(error)}. In a section, < and { start a component or a comment: to print them, write \\< and \\{`,
    });
    return section;
  }
  eachTree(tree, section);
  section.facts = { words: wordsOf(tree), indexedText: indexedTextOf(tree), mentionable: mentionableTexts(tree) };
  return section;
}
