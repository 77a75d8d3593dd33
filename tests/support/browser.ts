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
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
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
    const fixture = {
      url: (path = '') => server.url + path.replace(/^\//, ''),
      newPage: async (options) => (await fixture.browser.newContext(options)).newPage(),
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
