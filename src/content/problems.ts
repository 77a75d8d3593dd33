// What the content check tells an editor: each problem names the file, the line where there is one, the
// field or the piece of text, what is wrong and what to write instead, in plain words. Zod's own wording
// ("Invalid input: expected string, received undefined") is translated here.
import type { z } from 'astro/zod';

export interface ContentProblem {
  file: string;
  /** 1-based line in the file, where the problem has one. */
  line?: number;
  /**
   * What the problem is about: a data field (`title`, `entities[jane-roe].type`), a piece of the text
   * (`<script>`, `heading "Closing"`), or a note in brackets (`(file)`) when it is the whole file.
   */
  field: string;
  message: string;
}

const FIELD_PATH = /^[\w-]+(?:\[[^\]]+\]|\.[\w-]+)*$/;

/** One problem as one line: `content/b/01-a.mdx:12: field "title": is missing: …`. */
function formatProblem(p: ContentProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const what = p.field.startsWith('(') ? '' : FIELD_PATH.test(p.field) ? `field "${p.field}": ` : `${p.field}: `;
  return `${where}: ${what}${p.message}`;
}

/** The plain block printed when the content cannot be built. */
export function formatProblems(problems: ContentProblem[], kind = 'problem'): string {
  const count = `${problems.length} ${kind}${problems.length === 1 ? '' : 's'}`;
  return `The content folder has ${count}:\n` + problems.map((p) => `  ${formatProblem(p)}`).join('\n');
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(formatProblems(problems));
    this.problems = problems;
    this.name = 'ContentError';
  }
}

/**
 * A data path as an editor reads it: list items named by their `slug` or `id` where they have one,
 * otherwise counted from 1: `entities[jane-roe].type`, `notes.removed[1].where`.
 */
function fieldPath(path: readonly PropertyKey[], raw: unknown): string {
  let out = '';
  let node: unknown = raw;
  for (const key of path) {
    const value = (node as Record<PropertyKey, unknown> | undefined)?.[key];
    if (typeof key === 'number') {
      const item = value as { slug?: unknown; id?: unknown } | undefined;
      const name = typeof item?.slug === 'string' ? item.slug : typeof item?.id === 'string' ? item.id : null;
      out += `[${name ?? key + 1}]`;
    } else {
      out += out ? `.${String(key)}` : String(key);
    }
    node = value;
  }
  return out || '(root)';
}

const DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized)/;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a group of fields (indented lines under it)',
};

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `the text "${value}"`;
  return `${typeof value === 'number' ? 'the number' : ''} ${String(value)}`.trim();
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], raw);
}

/** One Zod issue in plain words, with what to write. */
function plainIssue(issue: z.core.$ZodIssue, raw: unknown): { path: PropertyKey[]; message: string } {
  const path = [...issue.path];
  if (!DEFAULT_MESSAGE.test(issue.message)) return { path, message: issue.message };
  const value = valueAt(raw, path);
  const key = String(path.at(-1) ?? '');
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (value === undefined) return { path, message: `is missing: add \`${key}:\` with ${expected}` };
      return { path, message: `must be ${expected}, not ${describe(value)}` };
    }
    case 'invalid_value':
      return {
        path,
        message: `must be one of ${issue.values.map((v) => String(v)).join(', ')}, not ${describe(value)}`,
      };
    case 'unrecognized_keys': {
      const known = issue.keys.map((k) => `"${k}"`).join(', ');
      return {
        path: [...path, issue.keys[0]],
        message: `${known} ${issue.keys.length === 1 ? 'is not a field' : 'are not fields'} this file can have: check the spelling, or remove ${issue.keys.length === 1 ? 'it' : 'them'}`,
      };
    }
    case 'too_small':
      return issue.origin === 'array'
        ? { path, message: `needs at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}` }
        : { path, message: `must be at least ${issue.minimum}` };
    case 'too_big':
      return { path, message: `must be at most ${issue.maximum}` };
    default:
      return { path, message: `is not valid here (${issue.message})` };
  }
}

/** Zod issues as content problems, each with its field path and, where `lineOf` finds one, its line. */
export function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  raw: unknown,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined = () => undefined,
): ContentProblem[] {
  return issues.map((issue) => {
    const { path, message } = plainIssue(issue, raw);
    return { file, line: lineOf(path), field: fieldPath(path, raw), message };
  });
}
