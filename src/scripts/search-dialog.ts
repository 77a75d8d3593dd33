// The search dialog, opened by the search button, Ctrl-K / Cmd-K and "/" (see site.ts), which load this
// module on first use: nothing of search loads before. It is a modal <dialog>: Escape closes it and the
// browser returns focus to where it was. ↑ and ↓ move between the search box and the results.
import { searchFor } from '../lib/search-state';
import { register } from './lazy';
import { preloadPagefind, resultsInto } from './search-results';

const IDLE = 'Type to search the library: ↓ moves to the results, Enter opens one.';

// A fixed string: nothing the reader types goes in here.
const DIALOG = `<div class="search-dialog__box">
  <form class="search-dialog__bar" role="search">
    <label class="sr-only" for="search-dialog-input">Search the library</label>
    <input id="search-dialog-input" type="search" placeholder="Search the library" autocomplete="off" spellcheck="false" />
    <button type="button" class="search-dialog__close">Close</button>
  </form>
  <p class="search-status" role="status"></p>
  <ol class="results" aria-label="Results"></ol>
  <button type="button" class="results-more" hidden>Show more results</button>
  <p class="search-dialog__foot"><a class="see-all" href="">See all results</a></p></div>`;

let dialog: HTMLDialogElement | undefined;

function createDialog(): HTMLDialogElement {
  const el = document.createElement('dialog');
  el.className = 'search-dialog';
  el.setAttribute('aria-label', 'Search');
  el.innerHTML = DIALOG;
  document.body.append(el);
  const $ = <T extends Element>(selector: string) => el.querySelector<T>(selector)!;
  const input = $<HTMLInputElement>('input');
  const status = $<HTMLElement>('.search-status');
  const list = $<HTMLElement>('.results');
  const seeAll = $<HTMLAnchorElement>('.see-all');
  const searchPage = document.querySelector<HTMLAnchorElement>('[data-search-open]')!.href;
  status.dataset.idle = status.textContent = IDLE;
  const search = resultsInto({ status, list, more: $<HTMLButtonElement>('.results-more') });

  let timer = 0;
  const update = () => {
    const term = input.value.trim();
    seeAll.href = new URL(searchFor({ term, filters: {} }) || '.', searchPage).href;
    clearTimeout(timer);
    timer = window.setTimeout(() => void search(term, {}), 80);
  };
  update();
  input.addEventListener('input', update);

  // ↑ / ↓: from the box to the results and between them; ↑ from the first result returns to the box.
  el.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const stops = [input, ...list.querySelectorAll<HTMLAnchorElement>('.result-link, .result-heading-link')];
    const at = stops.indexOf(document.activeElement as HTMLInputElement);
    if (at === -1) return;
    const next = stops[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
    if (next !== input) next.scrollIntoView({ block: 'nearest' });
  });
  // Enter opens the first result of what is in the box, not of an earlier query still on screen.
  $('form').addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search(input.value.trim(), {}).then((outcome) => {
      if (outcome?.count) list.querySelector<HTMLAnchorElement>('.result-link')?.click();
    });
  });
  // The close button, or a click on the backdrop (outside the dialog's box), closes it.
  el.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (target === el || target.closest('.search-dialog__close')) el.close();
  });
  return el;
}

/** Opens the search dialog; on /search/ itself, the page's own search box is the search. */
export function openSearch(): void {
  const pageInput = document.querySelector<HTMLInputElement>('.search-page input[type="search"]');
  if (pageInput) {
    pageInput.focus();
    return;
  }
  preloadPagefind(); // while the reader types
  dialog ??= createDialog();
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('input')!.focus();
}

/** Starts loading search before it is opened (when the search button gets focus). */
export function prepareSearch(): void {
  if (!document.querySelector('.search-page')) preloadPagefind();
}

register('search', { openSearch, prepareSearch });
