// Marks the people, organisations and concepts a section names. The first mention of each entity in
// a section opens the entity's card (a native `popover`, rendered once per page by EntityCards.astro,
// which links on to the entity's page); later mentions stay plain text, so a page never turns into a
// wall of controls. The words a reader sees are never changed, only wrapped (see `mentionElements`).
// Every mention (first or not) is recorded in the file's frontmatter as `entityMentions`, which
// the entity pages and the search filters read back through `render(entry)`.
import { createMatcher, findMentions, NOT_MENTIONS, snippetAround, type Nameable } from './mentions';
import { filePath, type PluginFile, type TreeNode } from '../markdown/tree';

export interface RecordedMention {
  entity: string;
  /** The words as printed. */
  text: string;
  /** Where a deep link should land: the paragraph's id when it has one, else the nearest heading's. */
  anchor: string | null;
  heading: string | null;
  snippet: string;
}

export interface RemarkEntitiesOptions {
  /** The entities that may be mentioned in the file at this path (its briefing's). */
  entitiesFor: (path: string) => (Nameable & { name: string })[];
}

export const entityCardId = (slug: string) => `entity-card-${slug}`;

/**
 * The markup of a marked mention: the name itself is the one control, with nothing added to the line.
 *
 *   <span class="mention" data-entity="…">Name as printed<button type="button" class="mention__open"
 *     popovertarget="entity-card-…" aria-label="About Name as printed"></button></span>
 *
 * A button cannot wrap across lines like text, so the printed words stay inline text and an empty button
 * lies over them (positioned on the name, out of the line's flow, see entities.css): one Tab stop, no gap
 * before a following comma or "’s", line boxes as tall as plain text's, nothing on paper. Over a name that
 * wraps, the button covers only part of it, and the page script passes a click on the rest to the button.
 * (A <label> would pass it on without JavaScript, but Pagefind leaves a label's words out of the index.)
 * The words stay in the accessibility tree (hiding them would also drop them from the text of a PDF printed
 * from the page); the button's name starts with "About" so that a screen reader reads the name, then the
 * offer of its card.
 */
export function mentionElements(slug: string, text: string) {
  return {
    label: { className: ['mention'], dataEntity: slug },
    button: {
      type: 'button',
      className: ['mention__open'],
      popovertarget: entityCardId(slug),
      ariaLabel: `About ${text}`,
    },
  };
}

type Data = { hName?: string; hProperties?: Record<string, unknown>; hChildren?: unknown[] };
type Node = TreeNode & { data?: Data };
type AstroFile = PluginFile & { data?: { astro?: { frontmatter?: Record<string, unknown> } } };

function plainText(node: Node): string {
  if (node.type === 'text') return node.value ?? '';
  if (NOT_MENTIONS.has(node.type) && node.type !== 'link') return '';
  return (node.children ?? []).map(plainText).join('');
}

export function remarkEntities(options: RemarkEntitiesOptions) {
  return (tree: Node, file: AstroFile) => {
    const entities = options.entitiesFor(filePath(file));
    if (entities.length === 0) return;
    const matcher = createMatcher(entities);
    const linked = new Set<string>();
    const mentions: RecordedMention[] = [];
    let heading: string | null = null;

    const mark = (text: Node, paragraph: Node | null): Node[] => {
      const value = text.value ?? '';
      const found = findMentions(value, matcher);
      if (found.length === 0) return [text];
      const context = paragraph ? plainText(paragraph) : value;
      const offset = paragraph ? context.indexOf(value) : 0;
      const paragraphId = paragraph?.data?.hProperties?.id;
      const out: Node[] = [];
      let last = 0;
      for (const match of found) {
        mentions.push({
          entity: match.entity,
          text: match.text,
          anchor: typeof paragraphId === 'string' ? paragraphId : heading,
          heading,
          snippet: snippetAround(context, Math.max(0, offset) + match.start, Math.max(0, offset) + match.end),
        });
        if (linked.has(match.entity)) continue;
        linked.add(match.entity);
        if (match.start > last) out.push({ type: 'text', value: value.slice(last, match.start) });
        const markup = mentionElements(match.entity, match.text);
        const button: Node = { type: 'entityCardButton', data: { hName: 'button', hProperties: markup.button } };
        out.push({
          type: 'entityMention',
          data: { hName: 'span', hProperties: markup.label },
          children: [{ type: 'text', value: match.text }, button],
        });
        last = match.end;
      }
      if (last === 0) return [text];
      if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
      return out;
    };

    const visit = (node: Node, paragraph: Node | null) => {
      if (node.type === 'heading') {
        const id = node.data?.hProperties?.id;
        if (typeof id === 'string') heading = id;
      }
      if (NOT_MENTIONS.has(node.type) || !node.children) return;
      const inside = node.type === 'paragraph' ? node : paragraph;
      node.children = node.children.flatMap((child: Node) => {
        if (child.type === 'text') return mark(child, inside);
        visit(child, inside);
        return [child];
      });
    };
    visit(tree, null);

    file.data ??= {};
    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter.entityMentions = mentions;
  };
}
