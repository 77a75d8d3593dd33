// Debian's Chromium driven by playwright-core, against dist/ served on 127.0.0.1.
// Without a Chromium the browser tests are skipped loudly, except in CI, where that is a failure.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { serveDist, type RunningServer, type ServeOptions } from '../../tools/static-server';
import { DIST } from './dist';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);

if (!HAVE_CHROMIUM) {
  const message = `No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`;
  if (process.env.CI) throw new Error(`${message} CI needs the browser tests.`);
  console.warn(`\n!!! BROWSER TESTS SKIPPED !!!\n${message}\n`);
}

/** The flags this machine needs: no sandbox as root, no background network to Google's hosts. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserFixture {
  browser: Browser;
  url: (path?: string) => string;
  /** A page in a context of its own: nothing of another test's (storage, service worker, listeners) reaches it. */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  /**
   * Runs `use` on a page the block keeps open and hands from test to test (one per test running at once, per set
   * of options), for a test that only navigates and reads: it must add no listener, route or init script the next
   * test would inherit, and must not depend on what is stored in the context (a service worker, localStorage).
   * A new page starts a new renderer, about a second of CPU on this machine, where a navigation in an open page of
   * the same site costs a fifth of that. A kept page is handed on at about:blank; one whose test failed is closed.
   */
  withPage: <T>(options: BrowserContextOptions, use: (page: Page) => Promise<T>) => Promise<T>;
}

/** Pages kept open for `withPage`, free ones by their options. */
function pagePool(open: (options: BrowserContextOptions) => Promise<Page>) {
  const free = new Map<string, Page[]>();
  return async <T>(options: BrowserContextOptions, use: (page: Page) => Promise<T>): Promise<T> => {
    const key = JSON.stringify(options);
    const kept = free.get(key)?.pop();
    // A kept page starts from a blank document, so that the test's first navigation loads its page anew even
    // where only the hash differs from the last test's address.
    if (kept) await kept.goto('about:blank');
    const page = kept ?? (await open(options));
    const result = await use(page).catch(async (error: unknown) => {
      await page.context().close();
      throw error;
    });
    free.set(key, [...(free.get(key) ?? []), page]);
    return result;
  };
}

/**
 * A describe block with a browser and a server, skipped when there is no Chromium (outside CI).
 * `serve` adds server options, e.g. `{ headersFile: true }` to send dist/_headers as a host would, or another `root`.
 */
export function describeInBrowser(
  name: string,
  body: (fixture: BrowserFixture) => void,
  serve: Partial<ServeOptions> = {},
) {
  (HAVE_CHROMIUM ? describe : describe.skip)(name, () => {
    let server: RunningServer;
    const newPage = async (options?: BrowserContextOptions) => (await fixture.browser.newContext(options)).newPage();
    const fixture = {
      url: (path = '') => server.url + path.replace(/^\//, ''),
      newPage,
      withPage: pagePool(newPage),
    } as BrowserFixture;
    beforeAll(async () => {
      server = await serveDist({ root: DIST, ...serve });
      fixture.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    });
    afterAll(async () => {
      await fixture.browser?.close();
      await server?.close();
    });
    body(fixture);
  });
}
