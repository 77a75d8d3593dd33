// Finds the people, organisations and concepts a text names. One finder serves the remark plugin
// (section text), the programme component (event data) and the content check (never-mentioned rule),
// so a name is recognised the same way everywhere.
import type { Nodes, Root } from 'mdast';
import type { Entity } from '../model/schemas';

export type Nameable = Pick<Entity, 'slug' | 'name' | 'aliases' | 'case'>;

export interface MentionMatch {
  entity: string;
  start: number;
  end: number;
  /** The words as printed. */
  text: string;
}

interface Pattern {
  entity: string;
  value: string;
  insensitive: boolean;
}

export interface Matcher {
  patterns: Pattern[];
  /** The patterns that can start with a character, by that character lower-cased, in the patterns' order. */
  startingWith: Map<string, Pattern[]>;
}

/** Every string that names the entity: its name and its aliases. */
export function namesOf(entity: Pick<Entity, 'name' | 'aliases'>): string[] {
  return [...new Set([entity.name, ...entity.aliases])];
}

/** A matcher that tries longer names first, so "United Front Work Department" beats "united front". */
export function createMatcher(entities: Nameable[]): Matcher {
  const patterns = entities.flatMap((entity) =>
    namesOf(entity).map((value) => ({ entity: entity.slug, value, insensitive: entity.case === 'insensitive' })),
  );
  patterns.sort((a, b) => b.value.length - a.value.length || a.value.localeCompare(b.value));
  return { patterns, startingWith: new Map() };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (char: string | undefined) => char !== undefined && WORD_CHAR.test(char);

function matchesAt(text: string, at: number, pattern: Pattern): boolean {
  const candidate = text.slice(at, at + pattern.value.length);
  if (candidate.length !== pattern.value.length) return false;
  const same = pattern.insensitive
    ? candidate.toLowerCase() === pattern.value.toLowerCase()
    : candidate === pattern.value;
  return same && !isWordChar(text[at + pattern.value.length]);
}

/**
 * The patterns worth trying where the text has `char`: those whose first character lower-cases to the same one
 * character, and those whose first character lower-cases to more than one (kept everywhere, as is every pattern
 * where `char` does). Two strings equal once lower-cased begin with the same lower-cased character otherwise.
 */
function candidates(matcher: Matcher, char: string): Pattern[] {
  const key = char.toLowerCase();
  if (key.length !== 1) return matcher.patterns;
  let found = matcher.startingWith.get(key);
  if (!found) {
    found = matcher.patterns.filter((p) => {
      const first = p.value.charAt(0).toLowerCase();
      return first.length !== 1 || first === key;
    });
    matcher.startingWith.set(key, found);
  }
  return found;
}

/** Mentions in `text`, left to right, never overlapping: at each word start the longest name wins. */
export function findMentions(text: string, matcher: Matcher): MentionMatch[] {
  const found: MentionMatch[] = [];
  let at = 0;
  while (at < text.length) {
    const pattern = isWordChar(text[at - 1])
      ? undefined
      : candidates(matcher, text[at]).find((p) => matchesAt(text, at, p));
    if (pattern) {
      const end = at + pattern.value.length;
      found.push({ entity: pattern.entity, start: at, end, text: text.slice(at, end) });
      at = end;
    } else {
      at += 1;
    }
  }
  return found;
}

export type Segment = { text: string; entity?: undefined } | { text: string; entity: string };

/** `text` cut into plain runs and mentions, for components that render data rather than Markdown. */
export function segmentText(text: string, matcher: Matcher): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of findMentions(text, matcher)) {
    if (match.start > last) segments.push({ text: text.slice(last, match.start) });
    segments.push({ text: match.text, entity: match.entity });
    last = match.end;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** A short excerpt around `start`–`end`, cut at spaces, with ellipses where the text goes on. */
export function snippetAround(text: string, start: number, end: number, radius = 80): string {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0 && text[from - 1] !== ' ') from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length && text[to] !== ' ') to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}

/**
 * Markdown nodes whose text is never a mention: headings, links, code, footnotes (editorial) and raw markup. The
 * remark plugin skips them while marking a page, and the content check while asking whether an entity is named.
 */
export const NOT_MENTIONS: ReadonlySet<string> = new Set([
  'heading',
  'link',
  'linkReference',
  'inlineCode',
  'code',
  'footnoteDefinition',
  'definition',
  'html',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'yaml',
]);

/** The runs of a section's text (its parsed tree) in which mentions count, as the remark plugin finds them. */
export function mentionableTexts(tree: Root): string[] {
  const texts: string[] = [];
  const visit = (node: Nodes) => {
    if (NOT_MENTIONS.has(node.type)) return;
    if (node.type === 'text') texts.push(node.value);
    else if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return texts;
}

export type MarkedSegment = Segment & { first?: boolean };

/**
 * Several texts cut into segments, the first mention of each entity across all of them flagged
 * `first` (that one becomes a link; the rest stay plain), as the remark plugin does in prose.
 */
export function markFirstMentions(
  texts: string[],
  matcher: Matcher,
  alreadyLinked: Iterable<string> = [],
): MarkedSegment[][] {
  const linked = new Set(alreadyLinked);
  return texts.map((text) =>
    segmentText(text, matcher).map((segment) => {
      if (!segment.entity || linked.has(segment.entity)) return segment;
      linked.add(segment.entity);
      return { ...segment, first: true };
    }),
  );
}

/** Items grouped by key, the groups in the order of their first item, each group's items in their order. */
export function groupInOrder<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/**
 * An entity page's mentions, page by page: grouped by briefing (in the order given, the library's: newest first),
 * `perPage` briefings a page. Always at least one page.
 */
export function mentionPages<T>(mentions: T[], briefingOf: (m: T) => string, perPage: number): T[][][] {
  const groups = groupInOrder(mentions, briefingOf);
  const pages: T[][][] = [];
  for (let i = 0; i < groups.length; i += perPage) pages.push(groups.slice(i, i + perPage));
  return pages.length ? pages : [[]];
}
