// Copying and sharing links, loaded by site.ts on first use (see ShareLinks.astro). The ¶ and heading
// links copy their absolute URL and citations their text (site.ts writes the clipboard, inside the click;
// this says whether it worked); a selection in the text offers a link to itself (a text fragment where the
// browser supports them, else the nearest paragraph).
import { selectionUrl } from '../lib/text-fragment';
import { register } from './lazy';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector);
const toast = $<HTMLElement>('[data-share-toast]');
const status = $<HTMLElement>('[data-share-status]');
const shareButton = $<HTMLButtonElement>('[data-share-native]');
const selectionButton = $<HTMLButtonElement>('[data-selection-link]');
let lastUrl = '';
let selectedUrl: string | null = null;
let timer = 0;

function announce(message: string) {
  if (!toast || !status) return;
  status.textContent = message;
  toast.classList.add('is-open');
  clearTimeout(timer);
  timer = window.setTimeout(() => toast.classList.remove('is-open'), 5000);
}

/** Says whether a clipboard write worked, and offers the share sheet for a link where the device has one. */
async function settle(written: Promise<void>, message: string, url?: string) {
  try {
    await written;
    announce(message);
  } catch {
    announce(url ? 'Could not copy: the link is in the address bar' : 'Could not copy: select the text to copy it');
  }
  if (url && shareButton && 'share' in navigator) {
    lastUrl = url;
    shareButton.hidden = false;
  }
}

/**
 * After the page script has written a ¶ or heading link's URL (which also becomes the address) or a citation's
 * text to the clipboard, inside the click (site.ts).
 */
export function copied(control: Element, written: Promise<void>): void {
  if (control instanceof HTMLAnchorElement) {
    history.replaceState(null, '', control.href);
    void settle(written, 'Link copied', control.href);
  } else void settle(written, 'Citation copied');
}

shareButton?.addEventListener('click', () => navigator.share({ url: lastUrl, title: document.title }).catch(() => {}));

/** Shows "Copy link to selection" under a selection in the text, or hides it, once a frame while it changes. */
let frame = 0;
export function placeSelectionButton(): void {
  cancelAnimationFrame(frame);
  frame = requestAnimationFrame(place);
}

function place(): void {
  const selection = getSelection();
  const text = selection && !selection.isCollapsed ? selection.toString() : '';
  const range = text ? selection!.getRangeAt(0) : null;
  const node = range?.commonAncestorContainer;
  const inText = (node instanceof Element ? node : node?.parentElement)?.closest('.prose');
  if (!selectionButton) return;
  if (!range || !inText) {
    selectionButton.hidden = true;
    return;
  }
  const start = range.startContainer;
  const paragraph = (start instanceof Element ? start : start.parentElement)?.closest('[data-p]');
  const page = location.origin + location.pathname;
  let before = '';
  if (paragraph) {
    const lead = document.createRange();
    lead.setStart(paragraph, 0);
    lead.setEnd(range.startContainer, range.startOffset);
    before = lead.toString();
  }
  selectedUrl =
    'fragmentDirective' in document
      ? selectionUrl(location.href, text, before)
      : paragraph
        ? `${page}#${paragraph.id}`
        : null;
  const box = range.getBoundingClientRect();
  selectionButton.style.top = `${box.bottom + scrollY + 8}px`;
  selectionButton.style.left = `${Math.max(8, Math.min(box.left + scrollX, innerWidth - 220))}px`;
  selectionButton.hidden = !selectedUrl;
}

// Keeps the selection when the button is pressed.
selectionButton?.addEventListener('pointerdown', (event) => event.preventDefault());
selectionButton?.addEventListener('click', () => {
  if (selectedUrl) void settle(navigator.clipboard.writeText(selectedUrl), 'Link copied', selectedUrl);
});

register('share', { copied, placeSelectionButton });
