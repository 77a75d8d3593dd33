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
