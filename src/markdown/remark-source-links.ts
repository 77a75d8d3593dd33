// A footnote whose label is the id of one of the briefing's sources (`[^wsj]` for the source `wsj`
// in briefing.yaml) ends with a link to that source's entry in the bibliography on the cover.
import { createPaths } from '../site/urls';
import { filePath, type PluginFile, type TreeNode } from './tree';

export interface RemarkSourceLinksOptions {
  base: string;
  /** The source ids of the briefing the file at this path belongs to. */
  sourcesFor: (path: string) => string[];
}

const BIBLIOGRAPHY_LINK_TEXT = 'Bibliography entry';

export function remarkSourceLinks(options: RemarkSourceLinksOptions) {
  const paths = createPaths(options.base);
  return (tree: TreeNode & { identifier?: string }, file: PluginFile) => {
    const path = filePath(file);
    const sources = new Set(options.sourcesFor(path));
    const briefing = path.split('/').at(-2) ?? '';
    for (const node of (tree.children ?? []) as (TreeNode & { identifier?: string })[]) {
      if (node.type !== 'footnoteDefinition' || !node.identifier || !sources.has(node.identifier)) continue;
      const last = node.children?.at(-1);
      if (last?.type !== 'paragraph') continue;
      last.children = [
        ...(last.children ?? []),
        { type: 'text', value: ' ' },
        {
          type: 'link',
          url: paths.briefing(briefing) + `#source-${node.identifier}`,
          children: [{ type: 'text', value: BIBLIOGRAPHY_LINK_TEXT }],
        },
      ];
    }
  };
}
