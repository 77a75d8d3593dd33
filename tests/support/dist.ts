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

/**
 * The components a page shows: the block names (BEM, without `__element` or `--modifier`) of every class in
 * its <main>. Two pages with the same set are the same template filled with other text.
 */
function componentsOf(doc: Document): string {
  const blocks = new Set<string>();
  for (const el of doc.querySelectorAll('main, main [class]'))
    for (const name of (el.getAttribute('class') ?? '').split(/\s+/))
      if (name && !name.includes('__') && !name.includes('--') && !name.startsWith('astro-')) blocks.add(name);
  return [...blocks].sort().join(' ');
}

/**
 * One page for each distinct set of components (the first in path order), for the checks that need a browser and
 * cost seconds a page (axe, the Content-Security-Policy, JavaScript on load). The 53 entity pages are one template;
 * a section with a programme and one without are two. A new kind of page, or a component on a page where it was
 * not before, joins the list by itself. Checks that read the built HTML still read every page.
 */
export function pagesByTemplate(root = DIST): string[] {
  const first = new Map<string, string>();
  for (const file of htmlFiles(root)) {
    const components = componentsOf(loadPage(file, root));
    if (!first.has(components)) first.set(components, file);
  }
  return [...first.values()].sort();
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
