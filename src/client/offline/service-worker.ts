// The service worker, served as `sw.js` from the site's base path (src/offline/offline-integration.ts writes it from this
// file, its types stripped, with the build's id and base path in place of the two markers below). It runs only
// once a page has registered it, after that page's load, and fetches nothing on its own until the reader asks:
// - A page the reader opens is kept, with what it loads (styles, scripts, the search files a search used), in
//   this build's "visited" cache, so that a page read once opens offline; the page open when the worker starts
//   is kept from the browser's own cache.
// - "Save for offline" (src/client/offline/save.ts sends a message) stores a briefing's whole file list
//   (offline/<briefing>.json) in a cache of its own, reporting progress on a BroadcastChannel.
// - Pages come from the network first, so an online reader always reads the current build; files whose names
//   carry a content hash come from the cache first. Offline, anything cached answers; a page that is not gets an
//   offline page of our own listing what is saved; a search file that is not gets a 504, which the search treats
//   as "not saved".
// - Every cache name carries the build. A new build's worker stores the saved briefings again from the new build
//   before it takes over (so a page never mixes two builds' files), then deletes the old caches and notes
//   "updated" for the pages to show.
// Plain code with erasable types only (no enums, no imports): it is served as written, as a classic script.

interface WorkerEvent {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends WorkerEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEvent extends WorkerEvent {
  data: { type?: string; slug?: string } | null;
  ports: MessagePort[];
}
interface WindowClient {
  url: string;
}
interface Scope {
  addEventListener(type: 'install' | 'activate', listener: (event: WorkerEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void>; matchAll(options?: { type?: string }): Promise<WindowClient[]> };
  location: Location;
}

interface Manifest {
  build: string;
  slug: string;
  title: string;
  files: { url: string; bytes: number }[];
  bytes: number;
}

interface Updated {
  /** When this build replaced the saved briefings of an older one. */
  at: string;
  slugs: string[];
}

const scope = self as unknown as Scope;
const BUILD = '__READER_BUILD__';
const BASE = '__READER_BASE__';
const PREFIX = 'reader-';
const OWN = `${PREFIX}${BUILD}-`;
const VISITED = `${OWN}visited`;
const SAVED = `${OWN}saved-`;
const NOTES = `${OWN}notes`;
const UPDATED_KEY = `${BASE}offline/updated`;
const channel = new BroadcastChannel('reader-offline');

const NOTHING_SAVED =
  'You are offline, and no briefing is saved on this device, so search is not available. Online, “Save for offline” on a briefing keeps it and its search.';
const OFFLINE_MODULE = `for (const status of document.querySelectorAll('.search-status')) status.textContent = ${JSON.stringify(NOTHING_SAVED)};`;

const manifestUrl = (slug: string) => `${BASE}offline/${slug}.json`;
/** Files named by their content (never changed in place): Astro's bundles and Pagefind's chunks and meta. */
const immutable = (path: string) =>
  path.startsWith(`${BASE}_astro/`) || /\/pagefind\/(index|fragment|filter)\/|\.pf_meta$/.test(path);

/**
 * What a request is kept under: a page by its path (a search landing's `?highlight=` and the search page's `?q=`
 * are read by the page's script, not the server), Pagefind's entry file without the time stamp it is asked with.
 */
function keyOf(request: Request): string {
  const url = new URL(request.url);
  if (request.mode === 'navigate' || url.pathname.endsWith('/pagefind/pagefind-entry.json')) return url.pathname;
  return url.pathname + url.search;
}

async function ownCaches(): Promise<string[]> {
  return (await caches.keys()).filter((name) => name.startsWith(OWN));
}

/** The response kept for `key` in any of our caches; a cache deleted while it is read (a briefing being removed
 * from this device as its page loads) is a miss, not an error that fails the request. */
async function cached(key: string): Promise<Response | undefined> {
  for (const name of await ownCaches()) {
    const hit = await caches
      .open(name)
      .then((cache) => cache.match(key))
      .catch(() => undefined);
    if (hit) return hit;
  }
  return undefined;
}

async function savedManifests(): Promise<Manifest[]> {
  const manifests: Manifest[] = [];
  for (const name of await ownCaches()) {
    if (!name.startsWith(SAVED)) continue;
    const response = await (await caches.open(name)).match(manifestUrl(name.slice(SAVED.length)));
    if (response) manifests.push((await response.json()) as Manifest);
  }
  return manifests.sort((a, b) => a.title.localeCompare(b.title));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Our own page for a page that is not cached, offline: what is saved, and what has been read. */
async function offlinePage(path: string): Promise<Response> {
  const saved = await savedManifests();
  const stylesheet = saved.flatMap((m) => m.files).find((f) => f.url.endsWith('.css'))?.url;
  const visited = await caches.open(VISITED);
  const read: string[] = [];
  let sheet = stylesheet;
  const inSaved = new Set(saved.flatMap((m) => m.files.map((f) => f.url)));
  for (const request of await visited.keys()) {
    const url = new URL(request.url);
    if (inSaved.has(url.pathname)) continue; // listed with its briefing
    if (!url.pathname.endsWith('/')) {
      if (!sheet && url.pathname.endsWith('.css')) sheet = url.pathname;
      continue;
    }
    const html = await (await visited.match(request))!.text();
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? url.pathname;
    read.push(`<li><a href="${escapeHtml(url.pathname)}">${title}</a></li>`);
  }
  const list = saved.map(
    (m) =>
      `<li><a href="${escapeHtml(`${BASE}${m.slug}/`)}">${escapeHtml(m.title)}</a> (every section, and its search)</li>`,
  );
  const body = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Offline · Research Reader</title>
${sheet ? `<link rel="stylesheet" href="${escapeHtml(sheet)}">` : ''}
</head>
<body>
<main id="main" class="page-narrow offline-page">
<h1>You are offline</h1>
<p>This page, <code>${escapeHtml(path)}</code>, has not been saved for reading offline. It opens again once you are back online.</p>
<h2>Saved for offline</h2>
${list.length ? `<ul>${list.join('')}</ul>` : '<p>No briefing is saved. Online, “Save for offline” on a briefing’s cover or any of its sections keeps it, and its search, on this device.</p>'}
${read.length ? `<h2>Other pages you have read</h2><ul>${read.join('')}</ul>` : ''}
</main>
</body>
</html>`;
  return new Response(body, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'",
    },
  });
}

/** Keeps a successful same-site response in the visited cache (never a partial or an error). */
async function keep(key: string, response: Response): Promise<void> {
  if (response.ok && response.status === 200 && response.type === 'basic')
    await (await caches.open(VISITED)).put(key, response);
}

/**
 * A page of a saved briefing says so in its markup (`data-offline-saved` on the control), so that the page script
 * loads the control's code, to show "Saved", only there.
 */
async function marked(path: string, response: Response): Promise<Response> {
  const slug = path.slice(BASE.length).split('/')[0];
  if (!slug || !(await caches.has(`${SAVED}${slug}`))) return response;
  const html = (await response.text()).replace(`data-offline="${slug}"`, `data-offline="${slug}" data-offline-saved`);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function respond(event: FetchEvent): Promise<Response> {
  const response = await fetched(event);
  const path = new URL(event.request.url).pathname;
  return event.request.mode === 'navigate' && response.ok ? marked(path, response) : response;
}

async function fetched(event: FetchEvent): Promise<Response> {
  const { request } = event;
  const key = keyOf(request);
  const path = new URL(request.url).pathname;
  if (immutable(path)) {
    const hit = await cached(key);
    if (hit) return hit;
  }
  try {
    const response = await fetch(request);
    event.waitUntil(keep(key, response.clone()));
    return response;
  } catch {
    const hit = await cached(key);
    if (hit) return hit;
    if (request.mode === 'navigate') return offlinePage(path);
    // A module the page loads on demand and never loaded online (search, most often): in its place, a line that
    // says why nothing happens, in the search status the reader is looking at.
    if (path.startsWith(`${BASE}_astro/`) && path.endsWith('.js'))
      return new Response(OFFLINE_MODULE, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
    if (path.startsWith(`${BASE}pagefind/`)) return new Response('', { status: 504, statusText: 'Not saved' });
    // Anything else (a favicon, a card) fails as it would with no worker, not as the worker's own error.
    return Response.error();
  }
}

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.location.origin || !url.pathname.startsWith(BASE)) return;
  if (url.pathname === `${BASE}sw.js` || url.pathname.startsWith(`${BASE}offline/`)) return;
  event.respondWith(respond(event));
});

/** Stores a briefing's files from this build; resolves to its manifest, or rejects saying why. */
async function save(slug: string, report: boolean): Promise<Manifest> {
  const response = await fetch(manifestUrl(slug), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`no briefing "${slug}" in this version of the site`);
  const manifest = (await response.json()) as Manifest;
  if (manifest.build !== BUILD) throw new Error('the site has been updated: reload the page to save the new version');
  const cache = await caches.open(`${SAVED}${slug}`);
  let done = 0;
  let bytes = 0;
  const queue = [...manifest.files];
  const post = (state: string) =>
    report &&
    channel.postMessage({ slug, state, done, total: manifest.files.length, bytes, totalBytes: manifest.bytes });
  post('saving');
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      // Files named by content may come from the browser's cache; the others are checked with the server.
      const got = await fetch(file.url, { cache: immutable(file.url) ? 'default' : 'no-cache' });
      if (!got.ok) throw new Error(`${file.url} could not be fetched (${got.status})`);
      await cache.put(file.url, got);
      done += 1;
      bytes += file.bytes;
      post('saving');
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  // The manifest last: a briefing is saved once its cache holds it.
  await cache.put(
    manifestUrl(slug),
    new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/json' } }),
  );
  post('saved');
  return manifest;
}

async function state() {
  const notes = await (await caches.open(NOTES)).match(UPDATED_KEY);
  const updated = notes ? ((await notes.json()) as Updated) : null;
  return {
    build: BUILD,
    saved: (await savedManifests()).map((m) => ({ slug: m.slug, title: m.title, bytes: m.bytes })),
    updated,
  };
}

scope.addEventListener('message', (event) => {
  const { type, slug } = event.data ?? {};
  const reply = event.ports[0];
  const answer = async () => {
    let error: string | undefined;
    if (type === 'save' && slug) {
      await caches.delete(`${SAVED}${slug}`);
      try {
        await save(slug, true);
      } catch (failure) {
        await caches.delete(`${SAVED}${slug}`);
        error = (failure as Error).message;
        channel.postMessage({ slug, state: 'failed', message: error });
      }
    } else if (type === 'remove' && slug) {
      await caches.delete(`${SAVED}${slug}`);
      channel.postMessage({ slug, state: 'removed' });
    }
    reply?.postMessage({ ...(await state()), error });
  };
  event.waitUntil(answer());
});

scope.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      // The briefings an older build saved, stored again from this build before this worker takes over. If that
      // fails (the network went), this worker is not installed and the old one goes on serving its own build.
      const old = (await caches.keys()).filter(
        (n) => n.startsWith(PREFIX) && !n.startsWith(OWN) && n.includes('-saved-'),
      );
      const slugs = [...new Set(old.map((n) => n.slice(n.indexOf('-saved-') + '-saved-'.length)))];
      const again: string[] = [];
      for (const slug of slugs) {
        try {
          again.push((await save(slug, false)).slug);
        } catch (error) {
          // A briefing this build no longer has is dropped; a network failure fails the install.
          if (!/^no briefing/.test((error as Error).message)) throw error;
        }
      }
      if (again.length)
        await (
          await caches.open(NOTES)
        ).put(
          UPDATED_KEY,
          new Response(JSON.stringify({ at: new Date().toISOString(), slugs: again } satisfies Updated)),
        );
      await scope.skipWaiting();
    })(),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(PREFIX) && !name.startsWith(OWN)) await caches.delete(name);
      await scope.clients.claim();
      // The pages open now loaded before this worker ran: keep them, their stylesheets and their icon, from the
      // browser's own cache (no new download), so that the first page read opens offline too, and whether the
      // browser asked for the icon before or after this worker took over makes no difference.
      const visited = await caches.open(VISITED);
      for (const client of await scope.clients.matchAll({ type: 'window' })) {
        const url = new URL(client.url);
        if (
          url.origin !== scope.location.origin ||
          !url.pathname.startsWith(BASE) ||
          (await visited.match(url.pathname))
        )
          continue;
        try {
          const page = await fetch(url.pathname, { cache: 'force-cache' });
          if (!page.ok || !/text\/html/.test(page.headers.get('Content-Type') ?? '')) continue;
          const html = await page.clone().text();
          await visited.put(url.pathname, page);
          for (const [, href] of html.matchAll(/<link rel="(?:stylesheet|icon)" href="([^"]+)"/g)) {
            const file = await fetch(href, { cache: 'force-cache' });
            if (file.ok) await visited.put(href, file);
          }
        } catch {
          // offline already, or the page is gone: it is kept the next time it is read
        }
      }
      channel.postMessage({ state: 'active', build: BUILD });
    })(),
  );
});

export {};
