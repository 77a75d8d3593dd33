// "Save for offline" (src/components/offline/SaveOffline.astro): loaded by the page script when the reader first uses the
// control, or after load on a page of a saved briefing (the service worker marks the control), to show so.
// The worker (src/client/offline/service-worker.ts) does the saving, so that it goes on when the reader moves to another
// page; it reports progress on a BroadcastChannel, and answers "what is saved?" on a MessageChannel.
import { $$ } from '../dom';
import { ask, type OfflineState } from './state';

interface Progress {
  slug?: string;
  state: 'saving' | 'saved' | 'failed' | 'removed' | 'active';
  done?: number;
  total?: number;
  bytes?: number;
  totalBytes?: number;
  message?: string;
}

const worker = navigator.serviceWorker;

const megabytes = (bytes: number) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} KB`;
const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'long' });

function control(root: HTMLElement) {
  const slug = root.dataset.offline!;
  const saveButton = root.querySelector<HTMLButtonElement>('[data-offline-save]')!;
  // The button's words, then its size, which the build wrote in: "Save for offline (1.1 MB)".
  const size = saveButton.querySelector('[data-offline-size]')!.textContent;
  const label = (text: string) => (saveButton.textContent = size ? `${text} (${size})` : text);
  const removeButton = Object.assign(document.createElement('button'), {
    type: 'button',
    className: 'button button--secondary',
    textContent: 'Remove',
    hidden: true,
  });
  removeButton.dataset.offlineRemove = '';
  saveButton.after(removeButton);
  const progress = Object.assign(document.createElement('progress'), { hidden: true });
  progress.setAttribute('aria-label', 'Saving for offline');
  // The live region: what is saved, how far saving has got, what went wrong.
  const status = Object.assign(document.createElement('span'), { className: 'save-offline__status' });
  status.setAttribute('role', 'status');
  status.dataset.offlineStatus = '';
  root.append(progress, status);
  let lastQuarter = -1;

  function show(state: OfflineState) {
    const saved = state.saved.find((s) => s.slug === slug);
    progress.hidden = true;
    saveButton.disabled = false;
    label('Save for offline');
    saveButton.hidden = Boolean(saved);
    removeButton.hidden = !saved;
    root.dataset.offlineState = saved ? 'saved' : 'not-saved';
    if (saved) {
      const updated = state.updated?.slugs.includes(slug)
        ? `, updated to the latest version on ${day(state.updated.at)}`
        : '';
      status.textContent = `Saved for offline (${megabytes(saved.bytes)})${updated}: every section and its search open without a network.`;
    }
  }

  function progressed(message: Progress) {
    if (message.state === 'saving') {
      root.dataset.offlineState = 'saving';
      saveButton.disabled = true;
      label('Saving…');
      progress.hidden = false;
      progress.max = message.total ?? 1;
      progress.value = message.done ?? 0;
      // The live region speaks at the start and at each quarter, not at every file.
      const quarter = Math.floor(((message.done ?? 0) / (message.total ?? 1)) * 4);
      if (quarter !== lastQuarter) {
        lastQuarter = quarter;
        status.textContent = `Saving for offline: ${megabytes(message.bytes ?? 0)} of ${megabytes(message.totalBytes ?? 0)}…`;
      }
    } else if (message.state === 'failed') {
      root.dataset.offlineState = 'failed';
      progress.hidden = true;
      saveButton.disabled = false;
      label('Save for offline');
      status.textContent = navigator.onLine
        ? `Could not save for offline: ${message.message}. Try again.`
        : 'You are offline: saving needs a connection. Try again once you are back online.';
    } else if (message.state === 'removed') status.textContent = 'Removed from this device.';
  }

  // The page script loads this module on a first click in the control, then clicks there again: from now on the
  // control's clicks are this module's.
  root.addEventListener('click', (event) => event.stopPropagation());
  saveButton.addEventListener('click', () => {
    lastQuarter = -1;
    // Asked to keep it: the browser should not clear it to make room (Safari otherwise clears a site's storage
    // after some days without a visit). Where the browser asks the reader, the saving goes on meanwhile.
    void navigator.storage?.persist?.();
    void ask({ type: 'save', slug }).then((state) => {
      if (state.error) return progressed({ state: 'failed', message: state.error });
      show(state);
      removeButton.focus();
    });
  });
  removeButton.addEventListener('click', () => {
    void ask({ type: 'remove', slug }).then((state) => {
      show(state);
      status.textContent = 'Removed from this device.';
      saveButton.focus();
    });
  });
  function unavailable() {
    saveButton.disabled = true;
    status.textContent = 'This browser cannot keep pages for offline reading here (a private window keeps nothing).';
  }
  return { slug, show, progressed, unavailable };
}

const controls = [...$$<HTMLElement>('[data-offline]')].map(control);
const refresh = () => ask({ type: 'state' }).then((state) => controls.forEach((c) => c.show(state)));

if (controls.length > 0 && !worker) {
  // Firefox's private windows, for one, have no service worker: nothing can be kept.
  for (const c of controls) c.unavailable();
} else if (controls.length > 0) {
  new BroadcastChannel('reader-offline').onmessage = (event: MessageEvent<Progress>) => {
    if (event.data.state === 'active') void refresh();
    else controls.filter((c) => c.slug === event.data.slug).forEach((c) => c.progressed(event.data));
  };
  void refresh();
}
