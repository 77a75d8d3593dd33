// What a page loads on a first visit, computed from the built HTML so that it is deterministic:
// the document, its stylesheets (and what they @import), scripts, preloads, the fonts its CSS declares
// and the images that load eagerly. Sizes are brotli quality 11, as a static host serves them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { parseHTML } from 'linkedom';

/** The budgets every change keeps (KB = 1,024 bytes; CONTRIBUTING.md lists them), enforced by tests/build/budgets.test.ts and printed by the benchmark. */
export const KB = 1024;
export const BUDGET = {
  /** A section page's first visit: HTML, CSS, JS, fonts, eager images, brotli 11. */
  firstVisitBrotli: 14 * KB,
  /** Requests on a section page's first visit. */
  requests: 4,
  /** JavaScript run on load of any reading page (search code loads only when search opens). */
  scriptOnLoad: 3 * KB,
  /** Everything the first search ("united front", from a section page) fetches, as a host that reads _headers and
   * compresses WebAssembly serves it (a site built with READER_HOST_COMPRESSES_WASM). */
  firstSearchBrotli: 80 * KB,
  /** The same on any static host: one that reads no _headers and compresses only text types (GitHub Pages). */
  firstSearchAnyHost: 85 * KB,
  /** The offline service worker's script (sw.js), brotli 11: fetched once after load, run in the worker. */
  serviceWorkerBrotli: 4 * KB,
};

interface Resource {
  url: string;
  type: 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
  raw: number;
  brotli: number;
}

export interface PageWeight {
  resources: Resource[];
  requests: number;
  brotli: number;
  /** Bytes of JavaScript run when the page loads: inline scripts and script files, uncompressed. */
  scriptOnLoad: number;
}

export function brotliSize(bytes: Buffer | string): number {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

const FONT = /\.(woff2?|ttf|otf)$/i;
const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg|ico)$/i;

function typeOf(path: string): Resource['type'] {
  if (path.endsWith('.css')) return 'css';
  if (/\.m?js$/.test(path)) return 'js';
  if (FONT.test(path)) return 'font';
  if (IMAGE.test(path)) return 'image';
  if (path.endsWith('.html') || path.endsWith('/')) return 'html';
  return 'other';
}

/** `file` is the page's path under `root`, e.g. `china-united-front/sharp-power/index.html`. */
export function pageWeight(file: string, root: string, base = '/'): PageWeight {
  const pageUrl = new URL(`http://site${base}${file.replace(/index\.html$/, '')}`);
  const seen = new Map<string, Resource>();
  let scriptOnLoad = 0;
  const toFile = (url: URL) => {
    const path = decodeURIComponent(url.pathname).slice(base.length);
    return join(root, path.endsWith('/') || path === '' ? `${path}index.html` : path);
  };
  const add = (url: URL, type?: Resource['type']): Buffer | null => {
    if (url.origin !== 'http://site') throw new Error(`${file} loads ${url.href} from another host`);
    const key = url.pathname;
    const path = toFile(url);
    if (!existsSync(path)) throw new Error(`${file} loads ${key}, which is not in the build`);
    const bytes = readFileSync(path);
    if (!seen.has(key))
      seen.set(key, { url: key, type: type ?? typeOf(key), raw: bytes.length, brotli: brotliSize(bytes) });
    return bytes;
  };
  const addCss = (url: URL) => {
    if (seen.has(url.pathname)) return;
    const css = add(url, 'css')!.toString('utf8');
    for (const match of css.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s]+)/g)) addCss(new URL(match[1], url));
    // Fonts declared in @font-face: counted whether or not the page's text uses them (an upper bound).
    for (const face of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      for (const match of face.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) add(new URL(match[1], url), 'font');
    }
  };

  const html = add(pageUrl, 'html')!.toString('utf8');
  const { document } = parseHTML(html);
  for (const link of document.querySelectorAll('link[href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const url = new URL(link.getAttribute('href')!, pageUrl);
    if (rel.includes('stylesheet')) addCss(url);
    else if (rel.includes('preload') || rel.includes('modulepreload')) add(url);
    else if (rel.includes('icon')) add(url, 'image');
  }
  for (const script of document.querySelectorAll('script')) {
    const type = script.getAttribute('type');
    if (type && type !== 'module' && !/javascript/i.test(type)) continue; // data blocks (JSON-LD) do not run
    const src = script.getAttribute('src');
    if (src) scriptOnLoad += add(new URL(src, pageUrl), 'js')!.length;
    else scriptOnLoad += Buffer.byteLength(script.textContent ?? '');
  }
  for (const img of document.querySelectorAll('img[src]')) {
    if (img.getAttribute('loading') !== 'lazy') add(new URL(img.getAttribute('src')!, pageUrl), 'image');
  }
  const resources = [...seen.values()];
  return {
    resources,
    requests: resources.length,
    brotli: resources.reduce((sum, r) => sum + r.brotli, 0),
    scriptOnLoad,
  };
}
