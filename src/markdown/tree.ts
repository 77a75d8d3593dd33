// The few shapes of the Markdown (mdast) and HTML (hast) trees that our plugins touch.

export interface TreeNode {
  type: string;
  children?: TreeNode[];
  value?: string;
  url?: string;
  depth?: number;
  tagName?: string;
  properties?: Record<string, unknown>;
  data?: { hProperties?: Record<string, unknown> };
}

export interface PluginFile {
  path?: string;
  history?: string[];
}

/** A hast or mdast root as unified hands it to a plugin, seen through the shapes above. */
export type PluginTree = import('hast').Root | import('mdast').Root;
export const asTree = (root: PluginTree) => root as unknown as TreeNode;

/** Calls `visit` for every node, parents before children. */
export function walk(node: TreeNode, visit: (node: TreeNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** The path of the file a plugin is processing, with forward slashes. */
export function filePath(file: PluginFile): string {
  return (file.path ?? file.history?.at(-1) ?? '').replaceAll('\\', '/');
}

/** Markdown nodes that sit inside a line of text; every other node is a block (paragraph, heading, list…). */
const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'break',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'footnoteReference',
  'html',
  'mdxJsxTextElement',
  'mdxTextExpression',
]);

/**
 * The words of a Markdown (mdast) node as a reader meets them: the text of its text and code nodes and images'
 * alternative text, a line break between blocks (so a heading's last word and the next paragraph's first stay two
 * words) and for a hard break, and nothing from the node types in `skip` or from comments, expressions, imports
 * and raw HTML (never shown as text).
 */
export function textOf(node: import('mdast').Nodes, skip: ReadonlySet<string> = new Set()): string {
  if (skip.has(node.type)) return '';
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value;
    case 'image':
      // Read out by screen readers, and indexed by search.
      return node.alt ?? '';
    case 'break':
      return '\n';
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
    case 'mdxjsEsm':
    case 'html':
    case 'yaml':
      return '';
  }
  if (!('children' in node)) return '';
  const inner = (node.children as import('mdast').Nodes[]).map((child) => textOf(child, skip)).join('');
  return PHRASING.has(node.type) ? inner : `\n${inner}\n`;
}
