// GFM footnotes get ids like `user-content-fn-wsj`, the same in every file. The all-on-one page shows
// every section together, so each section's footnote ids are prefixed with its slug instead.
// The notes themselves are editorial, so search leaves them out.
import { parseSectionFileName } from '../model/files';
import { asTree, filePath, walk, type PluginFile, type PluginTree } from './tree';

const GFM_PREFIX = 'user-content-';
/** The id GFM gives the heading of a section's notes (prefixed with the section's slug here). */
export const LABEL_ID = 'footnote-label';

export function footnoteId(id: string, slug: string): string {
  if (id === LABEL_ID) return `${slug}-${LABEL_ID}`;
  return id.startsWith(GFM_PREFIX) ? `${slug}-${id.slice(GFM_PREFIX.length)}` : id;
}

export function rehypeFootnoteIds() {
  return (root: PluginTree, file: PluginFile) => {
    const tree = asTree(root);
    const slug = parseSectionFileName(filePath(file).split('/').at(-1) ?? '')?.slug;
    if (!slug) return;
    walk(tree, (node) => {
      const props = node.properties;
      if (!props) return;
      // The notes are the editors', not the source's: keep them out of the search index.
      if (node.tagName === 'section' && 'dataFootnotes' in props) props.dataPagefindIgnore = '';
      // Nor the note numbers in the text: "Institute, 1 The Wall Street Journal" is no excerpt a reader wants.
      if ('dataFootnoteRef' in props) props.dataPagefindIgnore = '';
      if (typeof props.id === 'string') props.id = footnoteId(props.id, slug);
      if (typeof props.href === 'string' && props.href.startsWith('#')) {
        props.href = `#${footnoteId(props.href.slice(1), slug)}`;
      }
      if (Array.isArray(props.ariaDescribedBy)) {
        props.ariaDescribedBy = props.ariaDescribedBy.map((id) => footnoteId(String(id), slug));
      }
    });
  };
}
