// Landing from a search result (?highlight=…): mark every hit in the article, bring the first one
// (after the anchor, if any) into view, and offer a bar to step through them and to clear them. The result link
// names the word forms search matched in this section ("influencers", "O’Keefe", "United Front Work Department"
// for UFWD), so this marks exactly those, as whole words.
import { highlightPattern, parseQuery } from '../search/query';
import { isTyping, prefersReducedMotion } from './dom';

const PARAM = 'highlight';

/** Wraps every match of `pattern` in the text under `root` in <mark>, and returns the marks in order. */
function markMatches(root: Element, pattern: RegExp): HTMLElement[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('script, style, sup, .footnotes, [data-pagefind-ignore]')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  const marks: HTMLElement[] = [];
  for (const text of texts) {
    const value = text.data;
    const matches = [...value.matchAll(pattern)];
    if (matches.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const match of matches) {
      fragment.append(value.slice(at, match.index));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = match[0];
      fragment.append(mark);
      marks.push(mark);
      at = match.index + match[0].length;
    }
    fragment.append(value.slice(at));
    text.replaceWith(fragment);
  }
  return marks;
}

/** Marks separated only by spaces are one hit: "united front" is found once, not as two words. */
function groupHits(marks: HTMLElement[]): HTMLElement[][] {
  const hits: HTMLElement[][] = [];
  for (const mark of marks) {
    const gap = mark.previousSibling;
    const previous = hits.at(-1);
    const adjacent =
      previous &&
      gap?.nodeType === Node.TEXT_NODE &&
      !gap.textContent?.trim() &&
      gap.previousSibling === previous.at(-1);
    if (adjacent) previous.push(mark);
    else hits.push([mark]);
  }
  return hits;
}

/** The element the URL's hash names, if any; a malformed hash (`#%E0%A4%A`) names none. */
function anchorTarget(): HTMLElement | null {
  try {
    return window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
  } catch {
    return null;
  }
}

function firstAfterAnchor(hits: HTMLElement[][]): number {
  const target = anchorTarget();
  if (!target) return 0;
  const index = hits.findIndex(([m]) => target.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);
  return Math.max(index, 0);
}

function highlightFromUrl(): void {
  const params = new URLSearchParams(window.location.search);
  const raw = params.getAll(PARAM).join(' ');
  const root = document.querySelector('[data-pagefind-body] .prose');
  const pattern = highlightPattern(parseQuery(raw));
  if (!root || !pattern) return;
  const marks = markMatches(root, pattern);
  const hits = groupHits(marks);
  if (hits.length > 0) showHitBar(marks, hits, firstAfterAnchor(hits));
}

function showHitBar(marks: HTMLElement[], hits: HTMLElement[][], start: number): void {
  const bar = document.createElement('div');
  bar.className = 'hit-bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Search hits');
  bar.innerHTML = `
    <span class="hit-bar__status" role="status"></span>
    <button type="button" class="hit-bar__prev" aria-label="Previous hit" aria-keyshortcuts="Shift+N">↑</button>
    <button type="button" class="hit-bar__next" aria-label="Next hit" aria-keyshortcuts="N">↓</button>
    <button type="button" class="hit-bar__close" aria-label="Clear highlights" aria-keyshortcuts="Escape">×</button>`;
  document.body.append(bar);
  const status = bar.querySelector<HTMLElement>('.hit-bar__status')!;
  let current = -1;

  const go = (index: number) => {
    hits[current]?.forEach((mark) => mark.classList.remove('search-hit--current'));
    current = (index + hits.length) % hits.length;
    hits[current].forEach((mark) => mark.classList.add('search-hit--current'));
    hits[current][0].scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    status.textContent = `Hit ${current + 1} of ${hits.length}`;
  };

  const close = () => {
    for (const mark of marks) mark.replaceWith(document.createTextNode(mark.textContent ?? ''));
    document.querySelector('[data-pagefind-body] .prose')?.normalize();
    bar.remove();
    document.removeEventListener('keydown', onKey);
    const url = new URL(window.location.href);
    url.searchParams.delete(PARAM);
    history.replaceState(history.state, '', url);
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const onBar = bar.contains(event.target as Node);
    if (event.key === 'Escape') close();
    else if (
      event.key === 'n' ||
      (event.key === 'Enter' && !event.shiftKey && !onBar && event.target === document.body)
    )
      go(current + 1);
    else if (event.key === 'N' || (event.key === 'Enter' && event.shiftKey && !onBar && event.target === document.body))
      go(current - 1);
    else return;
    event.preventDefault();
  };

  bar.querySelector('.hit-bar__prev')!.addEventListener('click', () => go(current - 1));
  bar.querySelector('.hit-bar__next')!.addEventListener('click', () => go(current + 1));
  bar.querySelector('.hit-bar__close')!.addEventListener('click', close);
  document.addEventListener('keydown', onKey);
  go(start);
}

// Loaded by the page script only when the URL has ?highlight=: it runs at once.
highlightFromUrl();
