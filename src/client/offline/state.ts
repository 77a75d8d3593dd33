// Asking the service worker (src/client/offline/service-worker.ts) what is saved for offline, for the "Save for offline"
// control and for search, which offline searches the saved briefings only.

export interface OfflineState {
  build: string;
  saved: { slug: string; title: string; bytes: number }[];
  updated: { at: string; slugs: string[] } | null;
  /** Why a save failed. */
  error?: string;
}

/** Sends the worker a message; resolves to what is saved once it has done what was asked. */
export async function ask(message: { type: 'state' | 'save' | 'remove'; slug?: string }): Promise<OfflineState> {
  const worker = navigator.serviceWorker;
  const registration = await worker.ready;
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port1.onmessage = (event) => resolve(event.data as OfflineState);
    (worker.controller ?? registration.active)!.postMessage(message, [port2]);
  });
}

/** Offline, the titles of the briefings saved on this device (the `briefing` filter's values); online, null. */
export async function offlineBriefings(): Promise<string[] | null> {
  if (navigator.onLine) return null;
  if (!navigator.serviceWorker?.controller) return [];
  return (await ask({ type: 'state' })).saved.map((s) => s.title);
}
