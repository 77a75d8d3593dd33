// The search button, Ctrl-K / Cmd-K and "/" open Pagefind's search dialog. Nothing of search
// loads before that. Escape closes it and the browser returns focus to where it was.
import { isTyping } from './dom';
import { announceResults, loadPagefindUi, useResultCards, type PagefindInstance } from './pagefind-ui';

const MODAL_CONTENT = `
  <pagefind-modal-header><pagefind-input placeholder="Search the library"></pagefind-input></pagefind-modal-header>
  <pagefind-modal-body>
    <p class="search-status" role="status"></p>
    <pagefind-results max-sub-results="99"></pagefind-results>
  </pagefind-modal-body>
  <pagefind-modal-footer><a class="see-all" href="">See all results</a></pagefind-modal-footer>`;

type Modal = HTMLElement & { open(): void; isOpen: boolean };
let modal: Modal | undefined;

async function openDialog(): Promise<void> {
  if (!modal) {
    modal = document.createElement('pagefind-modal') as Modal;
    modal.innerHTML = MODAL_CONTENT; // a fixed string: nothing from the reader goes in here
    document.body.append(modal);
    const instance = await loadPagefindUi();
    await customElements.whenDefined('pagefind-results');
    useResultCards(modal, instance);
    wireDialog(modal, instance);
  }
  modal.open();
}

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

export function setupSearchDialog(): void {
  const triggers = document.querySelectorAll<HTMLAnchorElement>('[data-search-open]');
  const pageInput = () => document.querySelector<HTMLInputElement>('.search-page pagefind-input input');
  const open = () => {
    const input = pageInput();
    if (input) input.focus(); // on /search/ itself, the page's own box is the search
    else void openDialog();
  };
  for (const trigger of triggers) {
    trigger.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      open();
    });
  }
  document.addEventListener('keydown', (event) => {
    const modK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
    if (!modK && !slash) return;
    if (modal?.isOpen) return;
    event.preventDefault();
    open();
  });
}
