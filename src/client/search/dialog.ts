// The search dialog's behaviour. Its markup is in every page (SearchDialog.astro) and the page script opens it
// and focuses its box at once (site.ts); this module loads behind it, on first use, and searches whatever the
// reader has typed by then. ↑ and ↓ move between the box and the results; Enter opens the first result of the
// words in the box; Escape or Close closes it, and the browser returns focus to where it was.
import { searchFor } from '../../search/state';
import { element, partsOf, preloadPagefind, resultsInto } from './results';

function setUp(dialog: HTMLDialogElement): void {
  const $ = partsOf(dialog);
  const input = $<HTMLInputElement>('input[type="search"]');
  const list = $<HTMLElement>('.results');
  const seeAll = $<HTMLAnchorElement>('.see-all');
  const searchPage = seeAll.href;
  const search = resultsInto({
    status: $<HTMLElement>('.search-status'),
    list,
    more: $<HTMLButtonElement>('.results-more'),
    suggest: $<HTMLElement>('.search-suggest'),
    suggestControl: (query) => {
      const button = element('button', 'search-suggest__button', query);
      button.type = 'button';
      button.addEventListener('click', () => {
        input.value = query;
        input.focus();
        update(0);
      });
      return button;
    },
  });

  let timer = 0;
  const update = (delay = 80) => {
    const term = input.value.trim();
    seeAll.href = new URL(searchFor({ term, filters: {} }) || '.', searchPage).href;
    clearTimeout(timer);
    timer = window.setTimeout(() => void search(term, {}), delay);
  };
  input.addEventListener('input', () => update());
  // What was typed while this module loaded is searched at once.
  if (input.value.trim()) update(0);

  // ↑ / ↓: from the box to the results and between them; ↑ from the first result returns to the box.
  dialog.addEventListener('keydown', (event) => {
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
  input.form!.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search(input.value.trim(), {}).then((outcome) => {
      if (outcome?.count) list.querySelector<HTMLAnchorElement>('.result-link')?.click();
    });
  });
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
}

const dialog = document.querySelector<HTMLDialogElement>('dialog.search-dialog');
if (dialog) {
  preloadPagefind();
  setUp(dialog);
}
