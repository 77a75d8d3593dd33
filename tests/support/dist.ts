// Reading the built site: files, parsed pages and their visible text.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';

/** The built site under test: READER_OUT_DIR when set (so parallel checkouts need not share dist/). */
export const DIST = process.env.READER_OUT_DIR || 'dist';

export function htmlFiles(root = DIST): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind') walk(path);
      } else if (name.endsWith('.html')) out.push(relative(root, path));
    }
  };
  walk(root);
  return out.sort();
}

export function loadPage(file: string, root = DIST): Document {
  return parseHTML(readFileSync(join(root, file), 'utf8')).document as unknown as Document;
}

/** Text as a reader sees it: footnote markers and editors' notes removed, whitespace collapsed. */
export function readerText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('sup, .footnotes, [hidden]').forEach((el) => el.remove());
  // Block boundaries become spaces so neighbouring paragraphs never run together.
  copy.querySelectorAll('p, li, h1, h2, h3, h4, blockquote, figcaption, dt, dd').forEach((el) => el.append(' '));
  return normalizeText(copy.textContent ?? '');
}

export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export const BRIEFING = 'china-united-front';
export const SECTION_SLUGS = [
  'united-front-work-department',
  'wolf-warrior-amplification',
  'sharp-power',
  'joske-recommendations',
  'rwchr-event',
];
export const sectionFile = (slug: string) => `${BRIEFING}/${slug}/index.html`;
