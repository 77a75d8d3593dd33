// A section's text as its reader reads it on screen, from the built page: the title, then the text, blocks apart.
// What a reader never sees there is left out (hidden, print-only and visually hidden text, closed popovers), and
// so is the editors' apparatus that search leaves out: the notes (their markers and their list) and the line that
// says whom a quotation is from.
import { loadPage, sectionFile } from './dist.ts';

const BLOCKS =
  'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, dt, dd, div, section, ol, ul, dl, table, tr, td, th';
const UNSEEN =
  '[hidden], [popover], .print-only, .sr-only, [aria-hidden="true"], template, script, style, svg, noscript';

function seenText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll(UNSEEN).forEach((el) => el.remove());
  copy.querySelectorAll(BLOCKS).forEach((el) => {
    el.prepend(' ');
    el.append(' ');
  });
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function articleText(slug: string, root?: string): string {
  const article = loadPage(sectionFile(slug), root).querySelector('article')!;
  const prose = article.querySelector('.prose')!.cloneNode(true) as Element;
  prose.querySelectorAll('a[data-footnote-ref]').forEach((a) => (a.closest('sup') ?? a).remove());
  prose.querySelectorAll('.footnotes, .quote figcaption').forEach((el) => el.remove());
  return `${seenText(article.querySelector('h1')!)} ${seenText(prose)}`;
}

/** The words of a text: runs of letters and digits. */
export const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
