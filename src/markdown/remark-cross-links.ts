// Turns `section:<slug>#<id>` links into URLs under the site's base path and the file's briefing.
import { resolveCrossLink } from './cross-links';
import { filePath, walk, type PluginFile, type TreeNode } from './tree';

export function remarkCrossLinks(options: { base: string }) {
  return (tree: TreeNode, file: PluginFile) => {
    const briefing = filePath(file).split('/').at(-2) ?? '';
    walk(tree, (node) => {
      if (node.type !== 'link' || !node.url?.startsWith('section:')) return;
      node.url = resolveCrossLink(node.url, briefing, options.base) ?? node.url;
    });
  };
}
