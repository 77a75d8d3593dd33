// Gives each heading the explicit id written after it as `{/* #id */}` and removes the comment.
// Ids written by hand never change when the heading's wording does, unlike slugs of the text.
import { headingIdFromComment } from './heading-ids';
import { walk, type TreeNode } from './tree';

export function remarkHeadingIds() {
  return (tree: TreeNode) => {
    walk(tree, (node) => {
      if (node.type !== 'heading' || !node.children?.length) return;
      const last = node.children.at(-1)!;
      const id = last.type === 'mdxTextExpression' ? headingIdFromComment(last.value ?? '') : null;
      if (!id) return;
      node.children.pop();
      const before = node.children.at(-1);
      if (before?.type === 'text' && before.value) before.value = before.value.trimEnd();
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    });
  };
}
