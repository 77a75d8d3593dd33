// The one script every page loads, kept tiny: it wires what must listen from the start and loads the
// rest (search, copying links, marking search hits) only when the reader first needs it.
// Reading needs none of it.
import { isTyping } from './dom';
import { setupOutline } from './outline';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector);
const root = document.documentElement;
import { load } from './lazy';
import shareUrl from './share-links?worker&url';
import searchUrl from './search-dialog?worker&url';
import highlightUrl from './highlight?worker&url';

const share = () => load('share', shareUrl);
const search = () => load('search', searchUrl);

// Theme: light, dark or system, remembered; ThemeInit.astro applies it before first paint.
const themeBox = $<HTMLElement>('[data-theme-switch]');
const themeSelect = themeBox?.querySelector('select');
if (themeBox && themeSelect) {
  themeSelect.value = root.dataset.theme ?? 'system';
  themeBox.hidden = false;
  themeSelect.addEventListener('change', () => {
    const choice = themeSelect.value;
    if (choice === 'system') delete root.dataset.theme;
    else root.dataset.theme = choice;
    try {
      localStorage.setItem('theme', choice);
    } catch {
      // storage may be off; the choice still holds on this page
    }
  });
}

document.addEventListener('keydown', (event) => {
  const { key, altKey, ctrlKey, metaKey, shiftKey } = event;
  if ((ctrlKey || metaKey) && !altKey && key.toLowerCase() === 'k') {
    event.preventDefault();
    void search().then((m) => m.openSearch());
    return;
  }
  if (altKey || ctrlKey || metaKey || isTyping(event.target) || $('dialog[open]')) return;
  if (key === '/') {
    event.preventDefault();
    void search().then((m) => m.openSearch());
  } else if (!shiftKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
    // ← and → move to the previous and next section.
    const link = $<HTMLAnchorElement>(`a[rel="${key === 'ArrowLeft' ? 'prev' : 'next'}"]`);
    if (link) window.location.assign(link.href);
  }
});

document.addEventListener('click', (event) => {
  const target = event.target as Element;
  const plain = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
  if (plain && target.closest('[data-search-open]')) {
    event.preventDefault();
    void search().then((m) => m.openSearch());
  } else if (navigator.clipboard && target.closest('a.para-link, a.heading-link, [data-copy]')) {
    if (plain) {
      event.preventDefault();
      void share().then((m) => m.copyFrom(target));
    }
  }
});

// Reaching the search button by keyboard starts loading search.
$('[data-search-open]')?.addEventListener('focus', () => void search().then((m) => m.prepareSearch()), { once: true });

// A selection in the text offers a link to itself.
let frame = 0;
document.addEventListener('selectionchange', () => {
  cancelAnimationFrame(frame);
  frame = requestAnimationFrame(() => {
    if (getSelection()?.toString() || !$('[data-selection-link]')?.hasAttribute('hidden'))
      void share().then((m) => m.placeSelectionButton());
  });
});

// Citations: the reader's access date, and copy buttons where copying works.
const today = new Date().toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });
document.querySelectorAll('[data-access-date]').forEach((el) => (el.textContent = today));
if (navigator.clipboard) document.querySelectorAll<HTMLElement>('[data-copy]').forEach((el) => (el.hidden = false));

if ($('[data-local-time]')) void share().then((m) => m.showLocalTimes());
if (new URLSearchParams(window.location.search).has('highlight'))
  void load('highlight', highlightUrl).then((m) => m.highlightFromUrl());
setupOutline();
