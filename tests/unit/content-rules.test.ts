// Content is data, not code, and every problem is reported so an editor can act on it: the file, the line,
// what is wrong and what to write. Each case is a copy of the fixture library with one thing broken.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLibrary, ContentError, validateLibrary } from '../../src/content/check';
import { loadLibrary } from '../../src/content/load';

const FIXTURE = 'tests/fixtures/library';
const FIRST = 'content/tiny-briefing/01-first.mdx';
const BRIEFING = 'content/tiny-briefing/briefing.yaml';
let dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A copy of the fixture library, changed by `mutate`; returns its root (paths in messages are relative to it). */
function library(mutate: (briefingDir: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'reader-rules-'));
  dirs.push(root);
  cpSync(FIXTURE, join(root, 'content'), { recursive: true });
  mutate(join(root, 'content', 'tiny-briefing'));
  return root;
}

const append = (file: string, text: string) => writeFileSync(file, readFileSync(file, 'utf8') + text);

/** The problems of a library whose first section gets `text` appended (a paragraph of its own). */
function withText(text: string) {
  return problemsOf(library((dir) => append(join(dir, '01-first.mdx'), `\n${text}\n`)));
}

function problemsOf(root: string) {
  try {
    validateLibrary(join(root, 'content'), root);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems;
  }
  throw new Error('expected the content to be rejected');
}

/** The text of the error, as the build prints it. */
function printed(root: string): string {
  try {
    validateLibrary(join(root, 'content'), root);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

// The fixture's first section ends on line 8; appended text starts on line 10.
const APPENDED_LINE = 10;

describe('content runs no code', () => {
  it('rejects a JavaScript expression, at its line, saying how to print braces', () => {
    expect(withText('Home is {process.env.HOME}.')).toEqual([
      {
        file: FIRST,
        line: APPENDED_LINE,
        field: '{process.env.HOME}',
        message: expect.stringMatching(/JavaScript expression.*write \\\{ and \\\}/),
      },
    ]);
  });

  it('rejects an expression dressed as a comment', () => {
    expect(withText('{/* a */ process.env.HOME /* b */}')).toEqual([
      expect.objectContaining({ line: APPENDED_LINE, message: expect.stringContaining('JavaScript expression') }),
    ]);
  });

  it('accepts comments: heading ids and notes to editors', () => {
    expect(
      checkLibrary(
        join(
          library((dir) => append(join(dir, '01-first.mdx'), '\n{/* a note */}\n')),
          'content',
        ),
      ).problems,
    ).toEqual([]);
  });

  it('rejects an import and an export', () => {
    const problems = withText("import fs from 'node:fs'\n\nexport const host = 1");
    expect(problems).toEqual([
      expect.objectContaining({ line: APPENDED_LINE, message: expect.stringMatching(/is an import, which is code/) }),
      expect.objectContaining({
        line: APPENDED_LINE + 2,
        message: expect.stringMatching(/is an export, which is code/),
      }),
    ]);
  });

  it.for([
    ['<script>alert(1)</script>', '<script>'],
    ['<iframe src="https://example.org/"></iframe>', '<iframe>'],
    ['<style>{`p { color: red }`}</style>', '<style>'],
    ['<img src="x.png" />', '<img>'],
    ['<div>Text</div>', '<div>'],
  ])('rejects the raw HTML %s, naming the tag', ([text, tag]) => {
    expect(withText(text)).toContainEqual({
      file: FIRST,
      line: APPENDED_LINE,
      field: tag,
      message: expect.stringContaining('is HTML that a section may not contain'),
    });
  });

  it('rejects an event handler and a style on inline HTML that is otherwise allowed', () => {
    expect(withText('Some <b onClick="alert(1)" style="color: red">bold</b> words.')).toEqual([
      expect.objectContaining({ field: '<b onClick>', message: expect.stringContaining('event handler') }),
      expect.objectContaining({ field: '<b style>', message: expect.stringContaining('remove style=') }),
    ]);
  });

  it('accepts the short list of inline HTML', () => {
    const root = library((dir) =>
      append(
        join(dir, '01-first.mdx'),
        '\nAn <abbr title="Example Institute">EI</abbr> note<sup>2</sup>, H<sub>2</sub>O.\n',
      ),
    );
    expect(checkLibrary(join(root, 'content'), root).problems).toEqual([]);
  });

  it.for(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html;base64,PHA+eDwvcD4=', 'java\tscript:alert(1)'])(
    'rejects a link to %s',
    (url) => {
      const problems = withText(`A [link](<${url}>).`);
      expect(problems).toEqual([
        expect.objectContaining({ line: APPENDED_LINE, message: expect.stringContaining('can run code') }),
      ]);
    },
  );

  it('rejects an unknown component by file and line, naming the ones it may use', () => {
    expect(withText('<Chart data="x" />')).toEqual([
      {
        file: FIRST,
        line: APPENDED_LINE,
        field: '<Chart>',
        message: expect.stringContaining('is not a component this site offers: a section may use <Quote by="…">'),
      },
    ]);
  });

  it('rejects <EventProgramme> in a section without an event, and a <Quote> without by', () => {
    const problems = withText('<EventProgramme event={props.event} />\n\n<Quote>Words.</Quote>');
    expect(problems).toEqual([
      expect.objectContaining({ field: '<EventProgramme>', message: expect.stringContaining('has none') }),
      expect.objectContaining({
        field: '<Quote>',
        line: APPENDED_LINE + 2,
        message: expect.stringContaining('has no by="…": write who is quoted'),
      }),
    ]);
    expect(withText('<Quote by="">Words.</Quote>')).toEqual([expect.objectContaining({ field: '<Quote>' })]);
  });
});

describe('content that would publish broken', () => {
  it('rejects a footnote reference with no note', () => {
    expect(withText('A claim.[^nosuchnote]')).toEqual([
      {
        file: FIRST,
        line: APPENDED_LINE,
        field: 'footnote "[^nosuchnote]"',
        message: 'has no note: add a line "[^nosuchnote]: …" at the end of the section, or remove the reference',
      },
    ]);
    const root = library((dir) => append(join(dir, '01-first.mdx'), '\nA claim.[^one]\n\n[^one]: The note.\n'));
    expect(checkLibrary(join(root, 'content'), root).problems).toEqual([]);
  });

  it('rejects an absolute image path and a missing image, and accepts an image in the briefing folder', () => {
    expect(withText('![A map](/images/missing.png)')).toEqual([
      expect.objectContaining({
        field: 'image "/images/missing.png"',
        message: expect.stringContaining('is an absolute path'),
      }),
    ]);
    expect(withText('![A map](./images/map.png)')).toEqual([
      expect.objectContaining({
        field: 'image "./images/map.png"',
        message:
          'is not there: there is no file content/tiny-briefing/images/map.png; check the name (letter case counts)',
      }),
    ]);
    expect(withText('![A map](https://example.org/map.png)')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('loads from another site') }),
    ]);
    const root = library((dir) => {
      mkdirSync(join(dir, 'images'));
      writeFileSync(join(dir, 'images', 'map.png'), 'not really a png');
      append(join(dir, '01-first.mdx'), '\n![A map](./images/map.png)\n');
    });
    expect(checkLibrary(join(root, 'content'), root).problems).toEqual([]);
  });

  it('rejects two sources with the same id, at the second one', () => {
    const sources = [
      'sources:',
      '  - { id: wsj, outlet: The Wall Street Journal, title: One, date: "2020" }',
      '  - { id: wsj, outlet: The Wall Street Journal, title: Two, date: "2020" }',
    ].join('\n');
    const root = library((dir) => append(join(dir, 'briefing.yaml'), `${sources}\n`));
    expect(problemsOf(root)).toEqual([
      {
        file: BRIEFING,
        line: 17,
        field: 'sources[2].id',
        message: '"wsj" is also the id of source 1: give each source its own id (footnotes [^wsj] link to it)',
      },
    ]);
  });

  it('reports a Markdown file and a .MDX file, and nothing that follows from them not being read', () => {
    const root = library((dir) => {
      writeFileSync(join(dir, '03-notes.md'), '# Notes\n');
      // The only section that mentions both entities is no longer read: no "never mentioned" errors.
      renameSync(join(dir, '01-first.mdx'), join(dir, '01-first.MDX'));
    });
    expect(problemsOf(root)).toEqual([
      {
        file: 'content/tiny-briefing/01-first.MDX',
        field: '(file)',
        message: 'is not read: the extension must be written .mdx in lowercase; rename it 01-first.mdx to publish it',
      },
      {
        file: 'content/tiny-briefing/03-notes.md',
        field: '(file)',
        message: expect.stringContaining(
          'is a Markdown file, which is not read: sections are .mdx files; rename it 03-notes.mdx',
        ),
      },
    ]);
  });

  it('ignores hidden files such as .DS_Store, and reports any other file', () => {
    const root = library((dir) => {
      writeFileSync(join(dir, '.DS_Store'), '');
      writeFileSync(join(dir, 'draft.txt'), 'notes');
    });
    expect(problemsOf(root)).toEqual([
      expect.objectContaining({
        file: 'content/tiny-briefing/draft.txt',
        message: expect.stringContaining('is not read'),
      }),
    ]);
  });
});

describe('files that are not plain UTF-8', () => {
  it('rejects Latin-1 bytes in briefing.yaml, at their line, and reports nothing that follows from it', () => {
    const root = library((dir) => {
      // An alias whose words appear in a section: with the briefing unreadable it must not be reported.
      writeFileSync(join(dir, '..', 'search-aliases.yaml'), 'EI:\n  means: [Example Institute]\n');
      const file = join(dir, 'briefing.yaml');
      writeFileSync(
        file,
        Buffer.from(readFileSync(file, 'utf8').replace('title: A tiny briefing', 'title: Caf\xe9 China'), 'latin1'),
      );
    });
    expect(problemsOf(root)).toEqual([
      {
        file: BRIEFING,
        line: 1,
        field: '(file)',
        message:
          'is not UTF-8 text: this line has bytes that are not UTF-8 (perhaps Latin-1 or Windows-1252: "title: Café China"); save the file as UTF-8',
      },
    ]);
  });

  it('rejects Latin-1 in a section and a byte-order mark, in those words', () => {
    const latin1 = library((dir) => {
      const file = join(dir, '01-first.mdx');
      writeFileSync(file, Buffer.from(readFileSync(file, 'utf8').replace('Some words', 'Caf\xe9 words'), 'latin1'));
    });
    expect(problemsOf(latin1)).toEqual([
      expect.objectContaining({ file: FIRST, line: 8, message: expect.stringContaining('is not UTF-8 text') }),
    ]);
    const bom = library((dir) => {
      const file = join(dir, '01-first.mdx');
      writeFileSync(file, '\ufeff' + readFileSync(file, 'utf8'));
    });
    expect(problemsOf(bom)).toEqual([
      {
        file: FIRST,
        line: 1,
        field: '(file)',
        message: expect.stringMatching(/^starts with a byte-order mark \(BOM\).*save it as UTF-8 without BOM/),
      },
    ]);
  });

  it('a broken briefing.yaml reports itself only, not false alias errors', () => {
    const root = library((dir) => {
      writeFileSync(join(dir, '..', 'search-aliases.yaml'), 'EI:\n  means: [Example Institute]\n');
      append(join(dir, 'briefing.yaml'), 'title: [unclosed\n');
    });
    expect(problemsOf(root)).toEqual([
      expect.objectContaining({
        file: BRIEFING,
        field: '(file)',
        message: expect.stringContaining('is not valid YAML'),
      }),
    ]);
  });
});

describe('messages in plain words', () => {
  it('says a missing field is missing and what to add, never Zod’s wording', () => {
    const root = library((dir) => {
      const file = join(dir, '01-first.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: First\n/m, ''));
      const briefing = join(dir, 'briefing.yaml');
      writeFileSync(
        briefing,
        readFileSync(briefing, 'utf8').replace('inferred: false', 'inferred: 3').replace('dek:', 'deck:'),
      );
    });
    const text = printed(root);
    expect(text).not.toMatch(/Invalid input|expected string|received/);
    expect(text).toContain(`${FIRST}: field "title": is missing: add \`title:\` with text`);
    expect(text).toContain(`${BRIEFING}:5: field "date.inferred": must be true or false, not the number 3`);
    expect(text).toContain(`${BRIEFING}:2: field "deck": "deck" is not a field this file can have`);
  });

  it('names an entity by its slug, with its line', () => {
    const root = library((dir) => {
      const file = join(dir, 'entities.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('type: person', 'type: people'));
    });
    expect(printed(root)).toContain(
      'content/tiny-briefing/entities.yaml:9: field "entities[jane-roe].type": must be one of person, organisation, concept, not the text "people"',
    );
  });

  it('warns, without failing, about a section over 20,000 words', () => {
    const root = library((dir) => append(join(dir, '02-second.mdx'), `\n${'word '.repeat(20_001)}\n`));
    const { problems, warnings } = checkLibrary(join(root, 'content'), root);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      expect.objectContaining({
        file: 'content/tiny-briefing/02-second.mdx',
        message: expect.stringMatching(/^has 20,00\d words, more than 20,000: .*split it/),
      }),
    ]);
  });
});

describe('loadLibrary', () => {
  it('reads each section once into a tree, hands it to the checks, and keeps the facts the pages need', () => {
    const root = library(() => {});
    const trees: string[][] = [];
    const loaded = loadLibrary(join(root, 'content'), root, {
      eachTree: (tree) => trees.push(tree.children.map((n) => n.type)),
    });
    expect(loaded.problems).toEqual([]);
    expect(trees).toEqual([
      ['heading', 'paragraph'],
      ['heading', 'paragraph'],
    ]);
    const [first] = loaded.briefings[0].sections;
    expect(first.bodyLine).toBe(5);
    expect(first).not.toHaveProperty('tree');
    expect(first.facts).toEqual({
      words: 17,
      indexedText: expect.stringMatching(/^\s*Opening\s+Some words, and a link to the second section\. Jane Roe/),
      mentionable: ['Some words, and a link to ', '. Jane Roe works at the Example Institute.'],
    });
  });
});
