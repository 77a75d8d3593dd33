// Content is data, not code: the checks on one section's parsed tree (src/content/load.ts parses it).
// A section may use Markdown and GFM (footnotes, tables), the components the site offers (<Quote by="…">,
// and <EventProgramme …/> in a section that has an event), heading-id comments `{/* #id */}` and other
// comments, and a short list of harmless inline HTML elements. Anything that would run code while the site
// builds or in a reader's browser (imports, exports, JavaScript expressions, <script>, event handlers,
// javascript: links) or load from another site is refused with the line and what to write instead.
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import type { Nodes, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx';
import { headingIdFromComment } from '../markdown/heading-ids.ts';
import { IMAGE_EXTENSIONS } from './load.ts';
import { textOf } from '../markdown/tree.ts';
import type { ContentProblem } from './problems.ts';

/** Inline HTML a section may use, with the only attributes they may carry (plain text values). */
const ALLOWED_HTML: Record<string, string[]> = {
  abbr: ['title'],
  b: [],
  br: [],
  cite: [],
  del: [],
  dfn: ['title'],
  em: [],
  i: ['lang'],
  ins: [],
  kbd: [],
  mark: [],
  q: [],
  s: [],
  small: [],
  span: ['lang'],
  strong: [],
  sub: [],
  sup: [],
  time: ['datetime'],
  u: [],
  wbr: [],
};

/** The props a section passes to <EventProgramme>, each written `name={props.name}`. */
const PROGRAMME_PROPS = ['event', 'briefingDate', 'calendar', 'entities'];
const PROGRAMME_TAG = `<EventProgramme ${PROGRAMME_PROPS.map((p) => `${p}={props.${p}}`).join(' ')} />`;

const HTML_HINT: Record<string, string> = {
  img: 'write an image as ![what it shows](./file.png), with the file in the briefing folder',
  a: 'write a link as [text](https://…)',
  blockquote: 'write a quotation as <Quote by="who">…</Quote>, or start its lines with > ',
  h1: 'write a heading as ## Heading {/* #its-id */}',
  h2: 'write a heading as ## Heading {/* #its-id */}',
  h3: 'write a heading as ### Heading {/* #its-id */}',
  p: 'leave a blank line between paragraphs',
  ul: 'start each item of a list with "- "',
  ol: 'start each item of a list with "1. "',
  table: 'write a table with | pipes | as in GitHub Markdown',
  code: 'write code between `backticks`',
  pre: 'write a block of code between lines of ```',
};

const DANGEROUS_URL = /^(javascript|vbscript|data|file|blob):/i;
/** A URL as a browser reads its scheme: tabs, newlines and other control characters are skipped. */
// eslint-disable-next-line no-control-regex
const plainUrl = (url: string) => url.replace(/[\s\u0000-\u001f]/g, '');

export interface SectionContext {
  /** The section file as shown in messages. */
  file: string;
  /** The section file's absolute path (images are found from it). */
  path: string;
  /** The briefing's folder: images must be inside it. */
  briefingDir: string;
  bodyLine: number;
  hasEvent: boolean;
  show: (path: string) => string;
}

export interface TreeFacts {
  /** Ids of the headings, in order. */
  headingIds: string[];
  /** `section:` links, with their line. */
  crossLinks: { url: string; line?: number }[];
  /** False when the section has no text at all (comments only). */
  hasText: boolean;
}

/**
 * True for `{/* … *\/}`: an expression that holds only comments, and so never runs. Decided on the program
 * the MDX parser read (acorn), not on the text, so `{/* *\/ code /* *\/}` is not mistaken for a comment.
 */
function isCommentOnly(node: { value: string; data?: { estree?: { body: unknown[] } | null } }): boolean {
  const program = node.data?.estree;
  return Boolean(program) && program!.body.length === 0 && node.value.trim() !== '';
}

function clip(text: string, length = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** Checks one section's tree; pushes what is wrong onto `problems` and returns what other checks need. */
export function checkSectionTree(tree: Root, context: SectionContext, problems: ContentProblem[]): TreeFacts {
  const facts: TreeFacts = { headingIds: [], crossLinks: [], hasText: false };
  const lineOf = (node: Nodes) => (node.position ? node.position.start.line + context.bodyLine - 1 : undefined);
  const report = (node: Nodes, field: string, message: string) =>
    problems.push({ file: context.file, line: lineOf(node), field, message });

  const checkUrl = (node: Nodes, url: string, what: string) => {
    const plain = plainUrl(url);
    if (DANGEROUS_URL.test(plain))
      report(
        node,
        `${what} "${clip(url)}"`,
        `is a ${plain.split(':')[0].toLowerCase()}: address, which can run code or hide content: link to an https:// address, a #fragment or section:slug#heading instead`,
      );
  };

  const checkImage = (node: Nodes, url: string) => {
    const field = `image "${clip(url)}"`;
    if (DANGEROUS_URL.test(plainUrl(url))) return checkUrl(node, url, 'image');
    if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) {
      report(
        node,
        field,
        'loads from another site, which this site never does (readers are not tracked): save the image in the briefing folder and write ![…](./file.png)',
      );
      return;
    }
    if (url.startsWith('/')) {
      report(
        node,
        field,
        `is an absolute path, looked up at the root of the site (and wrong under a sub-path): save the image in the briefing folder and write its path from the section, e.g. ![…](./${url.split('/').at(-1)})`,
      );
      return;
    }
    const target = resolve(dirname(context.path), decodeURI(url.split(/[?#]/)[0]));
    const inside = relative(context.briefingDir, target);
    if (inside.startsWith('..') || inside.startsWith(sep)) {
      report(node, field, 'is outside the briefing folder: keep the images of a briefing in its folder');
    } else if (!IMAGE_EXTENSIONS.includes(extname(target).toLowerCase())) {
      report(node, field, `is not an image this site shows: use ${IMAGE_EXTENSIONS.join(' ')}`);
    } else if (!existsSync(target) || !statSync(target).isFile()) {
      report(
        node,
        field,
        `is not there: there is no file ${context.show(target)}; check the name (letter case counts)`,
      );
    }
  };

  const checkAttributes = (
    node: Nodes,
    tag: string,
    attributes: (MdxJsxAttribute | MdxJsxExpressionAttribute)[],
    allowed: string[],
  ) => {
    for (const attribute of attributes) {
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        report(
          node,
          `<${tag} {${clip(attribute.value)}}>`,
          'is JavaScript in a tag, which would run while the site builds: remove it',
        );
        continue;
      }
      const name = attribute.name;
      if (/^on/i.test(name)) {
        report(
          node,
          `<${tag} ${name}>`,
          `is an event handler, which runs code in the reader's browser: remove ${name}=…`,
        );
      } else if (attribute.value && typeof attribute.value === 'object') {
        report(
          node,
          `<${tag} ${name}={${clip(attribute.value.value)}}>`,
          `is JavaScript in a tag, which would run while the site builds: write ${name}="plain text"`,
        );
      } else if (!allowed.includes(name)) {
        report(
          node,
          `<${tag} ${name}>`,
          name === 'style' || name === 'class' || name === 'className'
            ? `sets the look by hand, which the site's styles do: remove ${name}=…`
            : `is not an attribute a section may use on <${tag}>${allowed.length ? ` (only ${allowed.join(', ')})` : ''}: remove it`,
        );
      } else if (typeof attribute.value === 'string') {
        checkUrl(node, attribute.value, `<${tag} ${name}>`);
      }
    }
  };

  const visit = (node: Nodes) => {
    switch (node.type) {
      case 'mdxjsEsm': {
        const word = /^\s*(import|export)\b/.exec(node.value)?.[1] ?? 'import';
        report(
          node,
          `"${clip(node.value)}"`,
          `is an ${word}, which is code: sections are text and may not ${word} anything. Remove the line; <Quote by="…"> and the site's other components need no import`,
        );
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        if (isCommentOnly(node)) {
          // A heading's id comment is read with the heading; any other comment is a note to editors.
          return;
        }
        report(
          node,
          `{${clip(node.value)}}`,
          'is a JavaScript expression, which would run while the site builds: sections are text. To print braces, write \\{ and \\}; a note to editors is written {/* … */}',
        );
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name;
        if (name === null) {
          report(node, '<>', 'is an empty tag (a JSX fragment): remove <> and </>');
        } else if (name === 'Quote') {
          const by = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'by');
          if (!by || (typeof by.value === 'string' && by.value.trim() === '') || by.value === null)
            report(
              node,
              '<Quote>',
              'has no by="…": write who is quoted, as the source names them, e.g. <Quote by="The New York Times">…</Quote>',
            );
          checkAttributes(node, 'Quote', node.attributes, ['by']);
        } else if (name === 'EventProgramme') {
          const written = node.attributes.map((a) =>
            a.type === 'mdxJsxAttribute' && a.value && typeof a.value === 'object'
              ? `${a.name}={${a.value.value.trim()}}`
              : '?',
          );
          const expected = PROGRAMME_PROPS.map((p) => `${p}={props.${p}}`);
          if (!context.hasEvent) {
            report(
              node,
              '<EventProgramme>',
              'shows the event of the section, and this section has none: add an event: block to the frontmatter, or remove the tag',
            );
          } else if (written.length !== expected.length || !expected.every((e) => written.includes(e))) {
            report(node, '<EventProgramme>', `must be written exactly ${PROGRAMME_TAG}`);
          }
          if (node.children.length) report(node, '<EventProgramme>', `takes no text inside: write ${PROGRAMME_TAG}`);
          return;
        } else if (/^[a-z][a-z0-9]*$/.test(name) && name in ALLOWED_HTML) {
          checkAttributes(node, name, node.attributes, ALLOWED_HTML[name]);
        } else if (/^[a-z]/.test(name) && !name.includes('.')) {
          report(
            node,
            `<${name}>`,
            `is HTML that a section may not contain (it could run code, load from another site or break the page): ${HTML_HINT[name] ?? 'write the text in Markdown'}. Inline HTML allowed: ${Object.keys(
              ALLOWED_HTML,
            )
              .map((t) => `<${t}>`)
              .join(' ')}`,
          );
          return;
        } else {
          report(
            node,
            `<${name}>`,
            `is not a component this site offers: a section may use <Quote by="…">…</Quote>${context.hasEvent ? ` and ${PROGRAMME_TAG}` : ''}`,
          );
          return;
        }
        break;
      }
      case 'heading': {
        const last = node.children.at(-1);
        const id = last?.type === 'mdxTextExpression' ? headingIdFromComment(last.value) : null;
        const text = clip(textOf(node), 60);
        if (node.depth === 1) {
          report(node, `heading "${text}"`, 'is an h1: the page title is the h1; start at ##');
        } else if (!id) {
          report(node, `heading "${text}"`, 'has no id: end the line with {/* #some-id */} (lowercase, hyphens)');
        } else {
          facts.headingIds.push(id);
        }
        facts.hasText = true;
        break;
      }
      case 'link':
      case 'definition':
        checkUrl(node, node.url, 'link');
        if (node.url.startsWith('section:')) facts.crossLinks.push({ url: node.url, line: lineOf(node) });
        break;
      case 'image':
        checkImage(node, node.url);
        facts.hasText = true;
        break;
      case 'text': {
        if (node.value.trim()) facts.hasText = true;
        for (const match of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
          report(
            node,
            `footnote "[^${match[1]}]"`,
            `has no note: add a line "[^${match[1]}]: …" at the end of the section, or remove the reference`,
          );
        }
        break;
      }
      case 'html':
        report(
          node,
          `"${clip(node.value)}"`,
          'is raw HTML, which a section may not contain: write the text in Markdown',
        );
        return;
      default:
        if (node.type !== 'root' && !('children' in node)) facts.hasText = true;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return facts;
}
