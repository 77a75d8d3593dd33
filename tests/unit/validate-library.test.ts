// The content rules: a broken file is rejected with a message naming the file and the field.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, validateLibrary } from '../../src/lib/validate-library';

const FIXTURE = 'tests/fixtures/library';
let dirs: string[] = [];

/** A copy of the valid fixture library, changed by `mutate`, checked from its own root. */
function check(mutate: (briefingDir: string) => void) {
  const root = mkdtempSync(join(tmpdir(), 'reader-content-'));
  dirs.push(root);
  cpSync(FIXTURE, join(root, 'content'), { recursive: true });
  mutate(join(root, 'content', 'tiny-briefing'));
  return () => validateLibrary(join(root, 'content'), root);
}

function edit(file: string, from: string | RegExp, to: string) {
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
}

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems;
  }
  throw new Error('expected the content to be rejected');
}

afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe('validateLibrary', () => {
  it('accepts the valid fixture and returns its sections in order', () => {
    const [briefing] = check(() => {})();
    expect(briefing.slug).toBe('tiny-briefing');
    expect(briefing.sections.map((s) => [s.order, s.slug])).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
  });

  it('rejects a section without a title, naming the file and the field', () => {
    const run = check((dir) => edit(join(dir, '01-first.mdx'), /^title: First\n/m, ''));
    expect(problemsOf(run)).toEqual([expect.objectContaining({ file: 'content/tiny-briefing/01-first.mdx', field: 'title' })]);
    expect(run).toThrow(/content\/tiny-briefing\/01-first\.mdx: field "title"/);
  });

  it('rejects a briefing without a title', () => {
    const run = check((dir) => edit(join(dir, 'briefing.yaml'), /^title: .*\n/m, ''));
    expect(problemsOf(run)).toEqual([expect.objectContaining({ file: 'content/tiny-briefing/briefing.yaml', field: 'title' })]);
  });

  it('rejects two sections with the same order', () => {
    const run = check((dir) => writeFileSync(join(dir, '02-third.mdx'), readFileSync(join(dir, '02-second.mdx'), 'utf8').replace('#closing', '#another')));
    expect(problemsOf(run)).toEqual([
      expect.objectContaining({ file: 'content/tiny-briefing/02-third.mdx', field: 'order', message: expect.stringContaining('02-second.mdx') }),
    ]);
  });

  it('rejects two sections with the same slug', () => {
    const run = check((dir) => writeFileSync(join(dir, '03-second.mdx'), readFileSync(join(dir, '02-second.mdx'), 'utf8').replace('#closing', '#other')));
    expect(problemsOf(run)).toEqual([expect.objectContaining({ file: 'content/tiny-briefing/03-second.mdx', field: 'slug' })]);
  });

  it('rejects a cross-link to a section that does not exist', () => {
    const run = check((dir) => edit(join(dir, '01-first.mdx'), 'section:second#closing', 'section:nowhere'));
    expect(problemsOf(run)).toEqual([
      expect.objectContaining({ file: 'content/tiny-briefing/01-first.mdx', field: 'cross-link "section:nowhere"' }),
    ]);
  });

  it('rejects a cross-link to a heading that does not exist', () => {
    const run = check((dir) => edit(join(dir, '01-first.mdx'), 'section:second#closing', 'section:second#gone'));
    expect(problemsOf(run)[0].message).toMatch(/names no heading of content\/tiny-briefing\/02-second\.mdx/);
  });

  it('rejects an empty section', () => {
    const run = check((dir) => writeFileSync(join(dir, '02-second.mdx'), '---\ntitle: Second\ndescription: An empty one.\n---\n\n'));
    expect(problemsOf(run)).toEqual([
      expect.objectContaining({ file: 'content/tiny-briefing/02-second.mdx', field: 'body' }),
      expect.objectContaining({ field: 'cross-link "section:second#closing"' }),
    ]);
  });

  it('rejects a heading without an explicit id', () => {
    const run = check((dir) => edit(join(dir, '02-second.mdx'), ' {/* #closing */}', ''));
    expect(problemsOf(run)).toContainEqual(expect.objectContaining({ field: 'heading "Closing"', message: expect.stringContaining('{/* #some-id */}') }));
  });

  it('rejects the same heading id in two sections of a briefing', () => {
    const run = check((dir) => edit(join(dir, '02-second.mdx'), '#closing', '#opening'));
    expect(problemsOf(run)).toContainEqual(expect.objectContaining({ field: 'heading id "opening"' }));
  });

  it('rejects a file name without the NN- prefix and a reserved slug', () => {
    const run = check((dir) => {
      renameSync(join(dir, '02-second.mdx'), join(dir, 'second.mdx'));
      writeFileSync(join(dir, '03-all.mdx'), '---\ntitle: All\ndescription: Collides with the all-in-one page.\n---\n\nText.\n');
    });
    const problems = problemsOf(run);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'content/tiny-briefing/second.mdx', field: '(file name)' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'content/tiny-briefing/03-all.mdx', field: 'slug' }));
  });

  it('rejects a missing briefing.yaml and a wrongly typed field', () => {
    expect(problemsOf(check((dir) => unlinkSync(join(dir, 'briefing.yaml'))))).toEqual([
      expect.objectContaining({ file: 'content/tiny-briefing/briefing.yaml', field: '(file)' }),
    ]);
    expect(problemsOf(check((dir) => edit(join(dir, 'briefing.yaml'), 'inferred: false', 'inferred: perhaps')))).toEqual([
      expect.objectContaining({ field: 'date.inferred' }),
    ]);
  });

  it('rejects a source note that points at no section', () => {
    const run = check((dir) => edit(join(dir, 'briefing.yaml'), 'where: second', 'where: third'));
    expect(problemsOf(run)).toEqual([expect.objectContaining({ field: 'notes.removed.0.where' })]);
  });
});
