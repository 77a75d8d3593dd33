// The one script every page loads, kept tiny: it wires what must listen from the start, shows the event's
// time in the reader's zone, and loads the rest (search, copying links, marking search hits) only when the
// reader first needs it. Reading needs none of it. What it runs on load counts against the 3 KB budget
// (tests/browser/budgets.test.ts), so it loads nothing else on load but the search-hit marking for ?highlight=.
import { $, $$, isTyping } from './dom';
import { setupOutline } from './outline';
import { formatLocalTime } from '../formats/event-time';
import { load } from './lazy';
import shareUrl from './share-links?worker&url';
import searchUrl from './search/dialog?worker&url';
import highlightUrl from './highlight?worker&url';
import offlineUrl from './offline/save?worker&url';

const root = document.documentElement;
const clipboard = navigator.clipboard; // absent where copying is not allowed (a page served over plain HTTP)
const share = () => load('share', shareUrl);
// Search: the dialog is in the page, so it opens and takes typing at once; its code loads behind it and searches
// what is in the box. On /search/ the page's own box is the search (it comes first, and has no dialog).
const searchBox = $<HTMLInputElement>('[data-search-box]');
const searchDialog = searchBox?.closest('dialog');
const loadSearch = () => searchDialog && import(/* @vite-ignore */ searchUrl);
// Reading offline: the service worker registers after load; "Save for offline" loads its code on first use, or
// after load on a page of a briefing that is saved (to show so).
const worker = navigator.serviceWorker;
const loadOffline = () => import(/* @vite-ignore */ offlineUrl);
const openSearch = (event: Event) => {
  event.preventDefault();
  if (searchDialog && !searchDialog.open) searchDialog.showModal();
  searchBox?.focus();
  void loadSearch();
};

// Theme: light, dark or system, remembered; ThemeInit.astro applies it before first paint.
const themeSelect = $<HTMLSelectElement>('#theme-select');
if (themeSelect) {
  themeSelect.value = root.dataset.theme ?? 'system';
  themeSelect.parentElement!.hidden = false;
  themeSelect.onchange = () => {
    const choice = themeSelect.value;
    if (choice === 'system') delete root.dataset.theme;
    else root.dataset.theme = choice;
    try {
      localStorage.setItem('theme', choice);
    } catch {
      // storage may be off; the choice still holds on this page
    }
  };
}

// Keys and clicks are heard on the window, where they bubble to (a shorter name, in the budget, than the document).
addEventListener('keydown', (event) => {
  const { key, altKey, shiftKey } = event;
  const command = event.ctrlKey || event.metaKey;
  if (command && !altKey && key.toLowerCase() === 'k') return openSearch(event);
  if (altKey || command || isTyping(event.target) || $('dialog[open]')) return;
  // ← and → move to the previous and next section.
  const rel = shiftKey ? '' : key === 'ArrowLeft' ? 'prev' : key === 'ArrowRight' && 'next';
  const link = rel && $<HTMLAnchorElement>(`a[rel="${rel}"]`);
  if (key === '/') openSearch(event);
  else if (link) location.href = link.href;
});

addEventListener('click', (event) => {
  const target = event.target as Element;
  const copy = clipboard && target.closest<HTMLElement>('a.para-link, a.heading-link, [data-copy]');
  if (event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (target.closest('[data-search-open]')) openSearch(event);
  // Loaded, the module takes every click in the control (and stops it here), this one too when it is repeated.
  else if (target.closest('[data-offline]')) void loadOffline().then(() => (target as HTMLElement).click());
  // A click on a wrapped entity name, beside the button that lies over part of it, opens its card too.
  else if (target.matches('.mention')) (target.lastChild as HTMLElement).click();
  else if (copy) {
    // The clipboard is written here, inside the click, before any module loads: Safari allows it only there.
    // A ¶ or heading link copies its URL, a citation's button the citation's text; both are in the page.
    event.preventDefault();
    const written = clipboard.writeText(
      (copy as HTMLAnchorElement).href || $<HTMLElement>(`#${copy.dataset.copy}`)!.innerText,
    );
    void share().then((m) => m.copied(copy, written));
  }
});

// Reaching the search button by keyboard starts loading search.
$('[data-search-open]')?.addEventListener('focus', () => void loadSearch(), { once: true });

// A selection in the text offers a link to itself (on pages with text to link to).
const selectionLink = $<HTMLElement>('[data-selection-link]');
if (selectionLink)
  document.addEventListener('selectionchange', () => {
    if (`${getSelection()}` || !selectionLink.hidden) void share().then((m) => m.placeSelectionButton());
  });

// Citations: the reader's access date, and copy buttons where copying works.
// ('long' in en-US is "June 9, 2020", as the citation styles want.)
const today = new Date().toLocaleDateString('en-US', { dateStyle: 'long' });
$$('[data-access-date]').forEach((el) => (el.textContent = today));
// Both need a secure context (HTTPS or this machine); "Save for offline" says so itself where a browser has no
// service worker there (Firefox's private windows).
if (clipboard) $$<HTMLElement>('[data-copy], [data-offline]').forEach((el) => (el.hidden = false));

// An event's time in the reader's own zone, under the time as printed (EventProgramme.astro).
$$<HTMLElement>('[data-local-time]').forEach((el) => {
  const { start, end, format, prefix } = el.dataset;
  el.textContent = prefix + formatLocalTime(new Date(start!), new Date(end!), JSON.parse(format!));
  el.hidden = false;
});

// Landing from a search result: the module marks the words the link names as it loads.
if (/[?&]highlight=/.test(location.search)) void import(/* @vite-ignore */ highlightUrl);
setupOutline();
if (worker)
  onload = () => {
    void worker.register(`${import.meta.env.BASE_URL}sw.js`);
    // On a saved briefing's page the worker marks the control, and its code shows "Saved".
    if ($('[data-offline-saved]')) void loadOffline();
  };
