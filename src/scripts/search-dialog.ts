// Pagefind's search dialog, opened by the search button, Ctrl-K / Cmd-K and "/" (see site.ts), which
// load this module on first use: nothing of search loads before. Escape closes the dialog and the
// browser returns focus to where it was.
import { announceResults, loadPagefindUi, useResultCards, type PagefindInstance } from './pagefind-ui';
import { register } from './lazy';

const MODAL_CONTENT = `
  <pagefind-modal-header><pagefind-input placeholder="Search the library" debounce="120"></pagefind-input></pagefind-modal-header>
  <pagefind-modal-body>
    <p class="search-status" role="status" data-idle="Type to search the library: ↑ ↓ move through results, Enter opens one.">Type to search the library: ↑ ↓ move through results, Enter opens one.</p>
    <pagefind-results max-sub-results="99"></pagefind-results>
  </pagefind-modal-body>
  <pagefind-modal-footer><a class="see-all" href="">See all results</a></pagefind-modal-footer>`;

type Modal = HTMLElement & { open(): void };
let ready: Promise<Modal> | undefined;

async function createDialog(): Promise<Modal> {
  const modal = document.createElement('pagefind-modal') as Modal;
  modal.innerHTML = MODAL_CONTENT; // a fixed string: nothing from the reader goes in here
  document.body.append(modal);
  const instance = await loadPagefindUi();
  await customElements.whenDefined('pagefind-modal');
  await customElements.whenDefined('pagefind-results');
  useResultCards(modal, instance);
  wireDialog(modal, instance);
  return modal;
}

/** The dialog, created once: a second key press while search loads opens the same one. */
const dialog = () => (ready ??= createDialog());

function wireDialog(dialog: HTMLElement, instance: PagefindInstance): void {
  const seeAll = dialog.querySelector<HTMLAnchorElement>('.see-all')!;
  const searchPage = document.querySelector<HTMLAnchorElement>('[data-search-open]')!.href;
  const update = (term: string) => {
    const url = new URL(searchPage);
    if (term.trim()) url.searchParams.set('q', term.trim());
    seeAll.href = url.href;
  };
  update('');
  instance.on('search', (term) => update(term));
  announceResults(instance, dialog.querySelector<HTMLElement>('.search-status')!);
}

/** Opens the search dialog; on /search/ itself, the page's own search box is the search. */
export function openSearch(): void {
  const pageInput = document.querySelector<HTMLInputElement>('.search-page pagefind-input input');
  if (pageInput) pageInput.focus();
  else void dialog().then((modal) => modal.open());
}

/** Starts loading search before it is opened (when the search button gets focus). */
export function prepareSearch(): void {
  if (!document.querySelector('.search-page')) void dialog();
}

register('search', { openSearch, prepareSearch });
