// The content rules: a broken file is rejected with a message naming the file and the field.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, knownSections, validateLibrary } from '../../src/content/check';
import { loadLibrary, loadSection } from '../../src/content/load';
import { libraryOfYaml, yamlOfLibrary } from '../../src/content/briefing-yaml';

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

const append = (file: string, text: string) => writeFileSync(file, readFileSync(file, 'utf8') + text);

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
    expect(problemsOf(run)).toEqual([
      expect.objectContaining({ file: 'content/tiny-briefing/01-first.mdx', field: 'title' }),
    ]);
    expect(run).toThrow(/content\/tiny-briefing\/01-first\.mdx: field "title"/);
  });

  it('rejects a briefing without a title', () => {
    const run = check((dir) => edit(join(dir, 'briefing.yaml'), /^title: .*\n/m, ''));
    expect(problemsOf(run)).toEqual([
      expect.objectContaining({ file: 'content/tiny-briefing/briefing.yaml', field: 'title' }),
    ]);
  });

  it('rejects two sections with the same order', () => {
    const run = check((dir) =>
      writeFileSync(
        join(dir, '02-third.mdx'),
        readFileSync(join(dir, '02-second.mdx'), 'utf8').replace('#closing', '#another'),
      ),
    );
    expect(problemsOf(run)).toEqual([
      expect.objectContaining({
        file: 'content/tiny-briefing/02-third.mdx',
        field: 'order',
        message: expect.stringContaining('02-second.mdx'),
      }),
    ]);
  });

  it('rejects two sections with the same slug', () => {
    const run = check((dir) =>
      writeFileSync(
        join(dir, '03-second.mdx'),
        readFileSync(join(dir, '02-second.mdx'), 'utf8').replace('#closing', '#other'),
      ),
    );
    expect(problemsOf(run)).toEqual([
      expect.objectContaining({ file: 'content/tiny-briefing/03-second.mdx', field: 'slug' }),
    ]);
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
    const run = check((dir) =>
      writeFileSync(join(dir, '02-second.mdx'), '---\ntitle: Second\ndescription: An empty one.\n---\n\n'),
    );
    expect(problemsOf(run)).toEqual([
      expect.objectContaining({ file: 'content/tiny-briefing/02-second.mdx', field: 'body' }),
      expect.objectContaining({ field: 'cross-link "section:second#closing"' }),
    ]);
  });

  it('rejects a heading without an explicit id', () => {
    const run = check((dir) => edit(join(dir, '02-second.mdx'), ' {/* #closing */}', ''));
    expect(problemsOf(run)).toContainEqual(
      expect.objectContaining({ field: 'heading "Closing"', message: expect.stringContaining('{/* #some-id */}') }),
    );
  });

  it('reads an indented heading and an underlined (setext) heading as headings: each needs its id, and has it', () => {
    const headings =
      '\n\n   ## Indented {/* #indented */}\n\nText.\n\nUnderlined {/* #underlined */}\n----------\n\nText.\n';
    const run = check((dir) => {
      append(join(dir, '02-second.mdx'), headings);
      edit(join(dir, '01-first.mdx'), 'section:second#closing', 'section:second#underlined');
    });
    expect(run()[0].sections[1].headingIds).toEqual(['closing', 'indented', 'underlined']);
    const withoutIds = check((dir) => append(join(dir, '02-second.mdx'), headings.replace(/ \{\/\* #\w+ \*\/\}/g, '')));
    expect(problemsOf(withoutIds)).toEqual([
      expect.objectContaining({ field: 'heading "Indented"', line: 11, message: expect.stringContaining('has no id') }),
      expect.objectContaining({
        field: 'heading "Underlined"',
        line: 15,
        message: expect.stringContaining('has no id'),
      }),
    ]);
  });

  it('rejects the same heading id in two sections of a briefing', () => {
    const run = check((dir) => edit(join(dir, '02-second.mdx'), '#closing', '#opening'));
    expect(problemsOf(run)).toContainEqual(expect.objectContaining({ field: 'heading id "opening"' }));
  });

  it('rejects a file name without the NN- prefix and a reserved slug', () => {
    const run = check((dir) => {
      renameSync(join(dir, '02-second.mdx'), join(dir, 'second.mdx'));
      writeFileSync(
        join(dir, '03-all.mdx'),
        '---\ntitle: All\ndescription: Collides with the all-in-one page.\n---\n\nText.\n',
      );
    });
    const problems = problemsOf(run);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'content/tiny-briefing/second.mdx', field: '(file name)' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'content/tiny-briefing/03-all.mdx', field: 'slug' }),
    );
  });

  it('rejects a missing briefing.yaml and a wrongly typed field', () => {
    expect(problemsOf(check((dir) => unlinkSync(join(dir, 'briefing.yaml'))))).toEqual([
      expect.objectContaining({ file: 'content/tiny-briefing/briefing.yaml', field: '(file)' }),
    ]);
    expect(
      problemsOf(check((dir) => edit(join(dir, 'briefing.yaml'), 'inferred: false', 'inferred: perhaps'))),
    ).toEqual([expect.objectContaining({ field: 'date.inferred' })]);
  });

  it('rejects a source note that points at no section', () => {
    const run = check((dir) => edit(join(dir, 'briefing.yaml'), 'where: second', 'where: third'));
    expect(problemsOf(run)).toEqual([expect.objectContaining({ field: 'notes.removed[1].where' })]);
  });
});

describe('validateLibrary: entities', () => {
  const ENTITIES = 'content/tiny-briefing/entities.yaml';
  const addEntity = (dir: string, yaml: string) =>
    writeFileSync(join(dir, 'entities.yaml'), readFileSync(join(dir, 'entities.yaml'), 'utf8') + yaml);

  it('accepts the fixture’s entities, each mentioned in the text', () => {
    const [briefing] = check(() => {})();
    expect(briefing.entities.entities.map((e) => e.slug)).toEqual(['example-institute', 'jane-roe']);
  });

  it('rejects an entity that is never mentioned, naming the file, the entity and what was looked for', () => {
    const run = check((dir) =>
      addEntity(
        dir,
        '  - slug: nobody\n    name: Nobody Atall\n    type: person\n    aliases: [Atall]\n    description: Not in the text.\n',
      ),
    );
    expect(problemsOf(run)).toEqual([
      expect.objectContaining({
        file: ENTITIES,
        field: 'entities[nobody].slug',
        message: expect.stringMatching(/"Nobody Atall" is never mentioned.*Nobody Atall, Atall/),
      }),
    ]);
    expect(run).toThrow(/tiny-briefing\/entities\.yaml:\d+: field "entities\[nobody\]\.slug"/);
  });

  it('does not count a name inside a heading or a link as a mention', () => {
    const run = check((dir) => {
      edit(join(dir, '01-first.mdx'), 'Jane Roe works', 'Someone works');
      edit(join(dir, '02-second.mdx'), '## Closing', '## Closing with Jane Roe');
      edit(join(dir, '01-first.mdx'), '[the second section]', '[Jane Roe’s section]');
    });
    expect(problemsOf(run)).toEqual([
      expect.objectContaining({
        field: 'entities[jane-roe].slug',
        message: expect.stringContaining('never mentioned'),
      }),
    ]);
  });

  it('does not count a name in an indented or an underlined heading as a mention, as the page does not', () => {
    for (const heading of [
      '   ## With Jane Roe {/* #with-jane-roe */}',
      'With Jane Roe {/* #with-jane-roe */}\n-------',
    ]) {
      const run = check((dir) => {
        edit(join(dir, '01-first.mdx'), 'Jane Roe works', 'Someone works');
        append(join(dir, '02-second.mdx'), `\n${heading}\n\nMore.\n`);
      });
      expect(problemsOf(run), heading).toEqual([
        expect.objectContaining({
          field: 'entities[jane-roe].slug',
          message: expect.stringContaining('never mentioned'),
        }),
      ]);
    }
  });

  it('does not count a name in a note as a mention, on its first line or the lines that continue it', () => {
    for (const note of ['[^n]: Jane Roe says so.', '[^n]: A note that goes on\n    to name Jane Roe.']) {
      const run = check((dir) => {
        edit(join(dir, '01-first.mdx'), 'Jane Roe works', 'Someone works');
        append(join(dir, '02-second.mdx'), `\nA claim.[^n]\n\n${note}\n`);
      });
      expect(problemsOf(run), note).toEqual([
        expect.objectContaining({
          field: 'entities[jane-roe].slug',
          message: expect.stringContaining('never mentioned'),
        }),
      ]);
    }
  });

  it('counts a name in the event programme, which is data, not text', () => {
    const event = [
      'event:',
      '  title: A webinar',
      '  host: Example Institute',
      '  attendance: online',
      '  when: { printed: "Monday", weekday: Monday, month: 3, day: 1, start: "10:00", end: "11:00", zone: UTC, utcOffset: "+00:00" }',
      '  panels:',
      '    - id: panel-one',
      '      title: One panel',
      '      moderator: { name: Rex Bloggs, role: Chair }',
      '      speakers: [{ name: Jane Roe, role: Speaker }]',
    ].join('\n');
    const run = check((dir) => {
      edit(
        join(dir, '02-second.mdx'),
        'description: The second section of the tiny briefing.',
        `description: The second section of the tiny briefing.\n${event}`,
      );
      addEntity(
        dir,
        '  - slug: rex-bloggs\n    name: Rex Bloggs\n    type: person\n    description: Chairs the panel.\n',
      );
    });
    expect(run()[0].entities.entities).toHaveLength(3);
  });

  it('rejects two entities that claim the same alias, naming both', () => {
    const run = check((dir) =>
      addEntity(
        dir,
        '  - slug: roe-foundation\n    name: Roe Foundation\n    type: organisation\n    aliases: [Roe]\n    description: Claims Roe too.\n',
      ),
    );
    const problems = problemsOf(run);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: ENTITIES,
        field: 'entities[roe-foundation].aliases',
        message: expect.stringContaining('"Roe" is also claimed by the entity "jane-roe"'),
      }),
    );
  });

  const otherNames = (dir: string, yaml: string) =>
    edit(
      join(dir, 'entities.yaml'),
      '    description: The institute the fixture names.',
      `    description: The institute the fixture names.\n    otherNames:\n${yaml}`,
    );

  it('accepts other names readers search by, each with the public source it comes from', () => {
    const run = check((dir) =>
      otherNames(
        dir,
        "      - { name: 示例研究所, lang: zh-Hans, source: 'https://example.org/about' }\n      - { name: ExI, source: 'https://example.org/' }\n",
      ),
    );
    expect(run()[0].entities.entities[0].otherNames.map((o) => o.name)).toEqual(['示例研究所', 'ExI']);
  });

  it('rejects another name without a source, with a source that is no web address, or of two words', () => {
    const run = check((dir) =>
      otherNames(
        dir,
        "      - { name: 示例研究所 }\n      - { name: ExI, source: 'a book' }\n      - { name: Ex Inst, source: 'https://example.org/' }\n",
      ),
    );
    expect(problemsOf(run)).toEqual([
      expect.objectContaining({ file: ENTITIES, field: 'entities[example-institute].otherNames[1].source' }),
      expect.objectContaining({
        field: 'entities[example-institute].otherNames[2].source',
        message: expect.stringContaining('web address'),
      }),
      expect.objectContaining({
        field: 'entities[example-institute].otherNames[3].name',
        message: expect.stringContaining('one word'),
      }),
    ]);
  });

  it('rejects another name that another entity claims, or that repeats the entity’s own alias', () => {
    const run = check((dir) => {
      otherNames(dir, "      - { name: EI, source: 'https://example.org/' }\n");
      edit(
        join(dir, 'entities.yaml'),
        '    description: The person the fixture names.',
        "    description: The person the fixture names.\n    otherNames:\n      - { name: ExI, source: 'https://example.org/' }\n",
      );
      edit(
        join(dir, 'entities.yaml'),
        "      - { name: EI, source: 'https://example.org/' }",
        "      - { name: EI, source: 'https://example.org/' }\n      - { name: ExI, source: 'https://example.org/' }",
      );
    });
    const problems = problemsOf(run);
    expect(problems).toContainEqual(
      expect.objectContaining({
        field: 'entities[example-institute].otherNames[1].name',
        message: expect.stringContaining('already'),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        field: 'entities[jane-roe].otherNames[1].name',
        message: expect.stringContaining('"ExI" is also claimed by the entity "example-institute"'),
      }),
    );
  });

  it('rejects a name that a case-insensitive entity claims in another case', () => {
    const run = check((dir) => {
      edit(join(dir, '01-first.mdx'), 'Some words', 'Some words about ei');
      addEntity(
        dir,
        '  - slug: ei-concept\n    name: ei\n    type: concept\n    case: insensitive\n    description: Clashes with EI.\n',
      );
    });
    expect(problemsOf(run)).toContainEqual(
      expect.objectContaining({
        field: 'entities[ei-concept].name',
        message: expect.stringContaining('"example-institute"'),
      }),
    );
  });

  it('rejects an alias claimed by another entity in another briefing, and one slug used for two entities', () => {
    const run = check((dir) => {
      const other = join(dir, '..', 'other-briefing');
      cpSync(dir, other, { recursive: true });
      edit(join(other, 'entities.yaml'), 'name: Jane Roe', 'name: Janet Roe');
      edit(join(other, '01-first.mdx'), 'Jane Roe', 'Janet Roe');
      edit(join(other, 'entities.yaml'), 'slug: example-institute', 'slug: example-institute-two');
    });
    // Briefings are checked in folder order, so the second claim is the tiny briefing's.
    const problems = problemsOf(run);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: ENTITIES,
        field: 'entities[example-institute].name',
        message: expect.stringContaining(
          '"Example Institute" is also claimed by the entity "example-institute-two" (content/other-briefing/entities.yaml)',
        ),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: ENTITIES,
        field: 'entities[jane-roe].slug',
        message: expect.stringContaining(
          '"jane-roe" is Janet Roe (person) in content/other-briefing/entities.yaml; one slug must name one entity',
        ),
      }),
    );
  });

  it('rejects an entity with an unknown type, naming the field', () => {
    const run = check((dir) => edit(join(dir, 'entities.yaml'), 'type: person', 'type: people'));
    expect(problemsOf(run)).toEqual([expect.objectContaining({ file: ENTITIES, field: 'entities[jane-roe].type' })]);
  });
});

describe('knownSections', () => {
  it('gives the pages what they would read from each section file themselves, by the section’s collection id', () => {
    const briefings = validateLibrary('content');
    const known = knownSections(briefings);
    const sections = briefings.flatMap((b) => b.sections.map((s) => ({ id: `${b.slug}/${s.slug}`, path: s.path })));
    expect(Object.keys(known).sort()).toEqual(sections.map((s) => s.id).sort());
    for (const { id, path } of sections) {
      const read = loadSection(path)!;
      expect(known[id]).toEqual({
        order: read.order,
        facts: { words: read.facts!.words, indexedText: read.facts!.indexedText },
      });
    }
  });
});

describe('yamlOfLibrary', () => {
  /** A value with each function replaced by a marker: lines and paths are compared by what they answer. */
  const data = (value: unknown): unknown => {
    if (typeof value === 'function') return '(function)';
    if (Array.isArray(value)) return value.map(data);
    if (value && Object.getPrototypeOf(value) === Object.prototype)
      return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, data(v)]));
    return value;
  };

  it.each([
    ['the real briefing', 'content'],
    ['the fixture', FIXTURE],
  ])('gives Astro’s collections, through JSON, the library they would read from the files: %s', (_, dir) => {
    const root = process.cwd();
    const read = loadLibrary(dir, root, { sections: false, lines: false });
    const written = JSON.parse(JSON.stringify(yamlOfLibrary(read)));
    const restored = libraryOfYaml(written, dir, root);
    expect(data(restored)).toStrictEqual(data(read));
    for (const path of [join(root, dir, 'briefing.yaml'), '/elsewhere/briefing.yaml'])
      expect(restored.show(path)).toBe(read.show(path));
    expect(restored.briefings[0]!.lineOf(['title'])).toBeUndefined();
  });
});
