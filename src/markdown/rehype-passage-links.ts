// Makes every passage of a section addressable. Each paragraph, blockquote and list item of the text
// is numbered 1..N (like a legal or UN document) and gets the id `p-N`, with a margin link to itself;
// each heading with an id gets a "Link to this section" control. The visible ¶ number comes from CSS
// (`data-n`), so the text, search index and copied selections hold nothing but the source's words.
import { LABEL_ID } from './rehype-footnote-ids';
import { asTree, type PluginTree, type TreeNode } from './tree';

const NUMBERED = new Set(['p', 'blockquote', 'li']);
const HEADINGS = new Set(['h2', 'h3', 'h4']);

const paragraphId = (n: number) => `p-${n}`;

function textOf(node: TreeNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function isFootnotes(node: TreeNode): boolean {
  return node.tagName === 'section' && node.properties?.dataFootnotes !== undefined;
}

function element(tagName: string, properties: Record<string, unknown>): TreeNode {
  return { type: 'element', tagName, properties, children: [] };
}

function paragraphLink(n: number): TreeNode {
  return element('a', {
    className: ['para-link'],
    href: `#${paragraphId(n)}`,
    dataN: String(n),
    ariaLabel: `Link to paragraph ${n}`,
    dataPagefindIgnore: '',
  });
}

function headingLink(id: string, text: string): TreeNode {
  return element('a', {
    className: ['heading-link'],
    href: `#${id}`,
    ariaLabel: `Link to this section: ${text.trim()}`,
    dataPagefindIgnore: '',
  });
}

export function rehypePassageLinks() {
  return (root: PluginTree) => {
    const tree = asTree(root);
    let count = 0;
    const visit = (node: TreeNode, insideNumbered: boolean) => {
      if (isFootnotes(node)) return;
      let numbered = insideNumbered;
      if (node.type === 'element' && node.tagName && !insideNumbered && NUMBERED.has(node.tagName)) {
        count += 1;
        node.properties = { ...node.properties, id: paragraphId(count), dataP: String(count) };
        node.children = [paragraphLink(count), ...(node.children ?? [])];
        numbered = true;
      } else if (node.type === 'element' && node.tagName && HEADINGS.has(node.tagName)) {
        const id = node.properties?.id;
        if (typeof id === 'string' && !id.endsWith(LABEL_ID)) {
          node.children = [...(node.children ?? []), headingLink(id, textOf(node))];
        }
      }
      for (const child of node.children ?? []) visit(child, numbered);
    };
    visit(tree, false);
  };
}

/**
 * On the all-on-one page every section's paragraphs share one document: `p-3` becomes `<slug>-p-3`
 * in the ids and in the links that point at them. Only the attributes this plugin writes match.
 */
export function prefixParagraphIds(html: string, slug: string): string {
  return html.replace(
    / (id|href)="(#?)p-(\d+)"/g,
    (_, attr: string, hash: string, n: string) => ` ${attr}="${hash}${slug}-p-${n}"`,
  );
}
