// Firefox and WebKit, for the smoke suite that runs in both (tests/browser/engines.test.ts). One small interface
// over two drivers, so the suite reads the same in both:
// - Firefox: Debian's firefox-esr, headless, driven by puppeteer-core over WebDriver BiDi.
// - WebKit: WebKitGTK's MiniBrowser through Debian's WebKitWebDriver (webkit2gtk-driver), under xvfb-run (it needs
//   a display), driven by selenium-webdriver. Safari's engine, as close as Linux gets.
// No browser is downloaded. Without one, its tests are skipped loudly, except in CI, where that is a failure.
// The clipboard is read back as a reader would: pasted (Ctrl+V) into a text box, which needs no permission or
// preference in either engine; copying itself gets no help either, so a write outside the click fails as it
// would for a reader.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { Builder, By, Key, type WebDriver } from 'selenium-webdriver';
import { serveDist, type RunningServer } from '../../tools/static-server';
import { DIST } from './dist';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.WEBKIT_BROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** What the suite does in a page, the same in both engines. Selectors are CSS; keys are WebDriver key names. */
export interface EnginePage {
  goto(url: string): Promise<void>;
  /** Runs a function in the page (it is serialised: no closures) and returns its JSON-able result. */
  evaluate<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  /** Waits until the function returns something truthy in the page, and returns it. */
  waitFor<T, A extends unknown[]>(fn: (...args: A) => T, ...args: A): Promise<T>;
  /** A real click in the middle of the element (scrolled into view): user activation, as a reader's click. */
  click(selector: string): Promise<void>;
  /** Presses one key, optionally with Control or Shift held. */
  press(key: string, modifier?: 'Control' | 'Shift'): Promise<void>;
  type(text: string): Promise<void>;
  /** The clipboard's text, pasted with Ctrl+V into a text box the page did not have. */
  clipboard(): Promise<string>;
  /** Uncaught errors, unhandled rejections and console errors or warnings since the page loaded. */
  problems(): Promise<string[]>;
  /** Takes the browser offline (or back) as its driver allows; false where the driver has no way to. */
  setOffline(offline: boolean): Promise<boolean>;
  close(): Promise<void>;
}

interface Engine {
  name: 'Firefox' | 'WebKit';
  newPage(): Promise<EnginePage>;
  close(): Promise<void>;
}

const WIDTH = 1280;
const HEIGHT = 900;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function poll<T>(read: () => Promise<T>, what: string, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

// Puts a text box where nothing covers it, focuses it, so that a paste lands in it.
function addPasteBox() {
  const box = document.createElement('textarea');
  box.id = 'engine-paste-box';
  box.style.cssText = 'position:fixed;top:0;left:0;width:40px;height:20px;z-index:2147483647';
  document.body.append(box);
  box.focus();
}
function takePasteBox() {
  const box = document.getElementById('engine-paste-box') as HTMLTextAreaElement;
  box.remove();
  return box.value;
}
// Records what must never happen, from the moment the page has loaded. (WebKitWebDriver can run a script only
// after the load and has no console log to read; Firefox's console is read from the start as well.)
function watchErrors() {
  const seen: string[] = [];
  (window as unknown as { engineProblems: string[] }).engineProblems = seen;
  addEventListener('error', (event) => seen.push(`uncaught: ${event.message}`));
  addEventListener('unhandledrejection', (event) => seen.push(`unhandled rejection: ${event.reason}`));
  for (const level of ['error', 'warn'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      seen.push(`console ${level}: ${args.join(' ')}`);
      original(...args);
    };
  }
}
const errorsSeen = () => (window as unknown as { engineProblems?: string[] }).engineProblems ?? ['no error watch'];

function centreOf(selector: string) {
  const el = document.querySelector(selector);
  if (!el) return null;
  // Instantly: the site scrolls smoothly, and a click must not chase a moving target.
  el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
  const box = el.getBoundingClientRect();
  return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
}

async function launchFirefox(): Promise<Engine> {
  const profile = mkdtempSync(join(tmpdir(), 'reader-firefox-'));
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      // No first-run pages, updates or telemetry pings to any other host.
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  return {
    name: 'Firefox',
    newPage: async () => {
      const page: PuppeteerPage = await browser.newPage();
      await page.setViewport({ width: WIDTH, height: HEIGHT });
      const consoleProblems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warn')
          consoleProblems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => consoleProblems.push(`uncaught: ${error}`));
      const evaluate = <T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A) =>
        page.evaluate(fn as never, ...(args as unknown as never[])) as Promise<T>;
      const press = async (key: string, modifier?: 'Control' | 'Shift') => {
        if (modifier) await page.keyboard.down(modifier);
        await page.keyboard.press(key as never);
        if (modifier) await page.keyboard.up(modifier);
      };
      return {
        goto: async (url) => {
          await page.goto(url, { waitUntil: 'load' });
          await evaluate(watchErrors);
        },
        evaluate,
        waitFor: (fn, ...args) => poll(() => evaluate(fn, ...args), fn.toString()),
        click: async (selector) => {
          const at = (await poll(() => evaluate(centreOf, selector), selector))!;
          await page.mouse.click(at.x, at.y);
        },
        press,
        type: (text) => page.keyboard.type(text),
        clipboard: async () => {
          await evaluate(addPasteBox);
          await press('v', 'Control');
          await sleep(200);
          return evaluate(takePasteBox);
        },
        problems: async () => [...consoleProblems, ...(await evaluate(errorsSeen))],
        // WebDriver BiDi's network emulation (emulation.setNetworkConditions), which Firefox implements.
        setOffline: async (offline) => {
          await page.setOfflineMode(offline);
          return true;
        },
        close: () => page.close(),
      };
    },
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launchWebKit(): Promise<Engine> {
  const port = await freePort();
  // xvfb-run gives WebKitWebDriver, and the MiniBrowser it starts, a display of their own.
  const driverProcess: ChildProcess = spawn(
    'xvfb-run',
    ['--auto-servernum', `--server-args=-screen 0 ${WIDTH}x${HEIGHT + 100}x24`, WEBKIT_DRIVER, `--port=${port}`],
    { stdio: 'ignore', detached: true },
  );
  const server = `http://127.0.0.1:${port}`;
  await poll(
    () =>
      fetch(`${server}/status`)
        .then((r) => r.ok)
        .catch(() => false),
    'WebKitWebDriver',
    20_000,
  );
  // One browser for the whole suite (starting MiniBrowser is the slow part); a "new page" is a new document in it,
  // which starts with no module loaded and no user activation, as a reader's fresh visit does.
  let session: Promise<WebDriver> | undefined;
  const startSession = async () => {
    const driver = await new Builder()
      .usingServer(server)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build();
    await driver.manage().window().setRect({ width: WIDTH, height: HEIGHT });
    return driver;
  };
  return {
    name: 'WebKit',
    newPage: async () => {
      const driver = await (session ??= startSession());
      const evaluate = async <T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A) => {
        const result = (await driver.executeAsyncScript(
          `const done = arguments[arguments.length - 1];
           Promise.resolve().then(() => (${fn.toString()}).apply(null, [].slice.call(arguments, 0, -1)))
             .then((value) => done({ value }), (error) => done({ error: String(error) }));`,
          ...args,
        )) as { value?: T; error?: string };
        if (result.error) throw new Error(result.error);
        return result.value as T;
      };
      const keyOf = (key: string) =>
        ({ Escape: Key.ESCAPE, Enter: Key.ENTER, Control: Key.CONTROL, Shift: Key.SHIFT })[key] ?? key;
      const press = async (key: string, modifier?: 'Control' | 'Shift') => {
        const actions = driver.actions();
        if (modifier) actions.keyDown(keyOf(modifier));
        actions.sendKeys(keyOf(key));
        if (modifier) actions.keyUp(keyOf(modifier));
        await actions.perform();
      };
      return {
        goto: async (url) => {
          await driver.get(url);
          await evaluate(watchErrors);
        },
        evaluate,
        waitFor: (fn, ...args) => poll(() => evaluate(fn, ...args), fn.toString()),
        click: async (selector) => {
          await poll(() => evaluate(centreOf, selector), selector);
          await driver.findElement(By.css(selector)).click();
        },
        press,
        type: (text) => driver.actions().sendKeys(text).perform(),
        clipboard: async () => {
          await evaluate(addPasteBox);
          await press('v', 'Control');
          await sleep(200);
          return evaluate(takePasteBox);
        },
        problems: () => evaluate(errorsSeen),
        // WebKitWebDriver has no network emulation: the suite takes the site's server away instead.
        setOffline: async () => false,
        // What the page stored (the theme) goes with it, as a new page in Firefox starts clean too.
        close: async () => {
          await evaluate(() => localStorage.clear()).catch(() => {});
          await driver.get('about:blank');
        },
      };
    },
    close: async () => {
      if (session) await (await session).quit().catch(() => {});
      if (driverProcess.pid) process.kill(-driverProcess.pid);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Collects Content-Security-Policy violation reports: pages are served with a report-only copy of their own
 * policy whose `report-uri` points here, so every violation the enforced policy blocks is also reported, in any
 * engine (WebKitWebDriver has no console log to read).
 */
export interface CspReports {
  uri: string;
  list(): string[];
  close(): Promise<void>;
}
async function collectCspReports(): Promise<CspReports> {
  const reports: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.method === 'POST') reports.push(body);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return {
    uri: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
    list: () => [...reports],
    close: () => new Promise((done) => server.close(() => done())),
  };
}

const ENGINES = [
  { name: 'Firefox', installed: existsSync(FIREFOX), install: 'firefox-esr', launch: launchFirefox },
  {
    name: 'WebKit',
    installed: existsSync(WEBKIT_DRIVER) && existsSync(MINIBROWSER) && existsSync('/usr/bin/xvfb-run'),
    install: 'webkit2gtk-driver xvfb xauth',
    launch: launchWebKit,
  },
] as const;

export interface EngineFixture {
  engine: Engine;
  /** The test server's URL for a site path. */
  url: (path?: string) => string;
  csp: CspReports;
  /** Stops the site's server answering (every connection refused, as with no network), or starts it again. */
  serverReachable: (reachable: boolean) => Promise<void>;
}

/**
 * One describe block per engine, each with its browser and a server of dist/ that sends the site's own
 * headers (`_headers`) plus a report-only copy of `policy` reporting to `csp`.
 */
export function describeInEngines(name: string, policy: string, body: (fixture: EngineFixture) => void) {
  for (const spec of ENGINES) {
    if (!spec.installed) {
      const message = `No ${spec.name} for the browser tests: install Debian's ${spec.install} (apt-get install -y ${spec.install}).`;
      if (process.env.CI) throw new Error(`${message} CI needs them.`);
      console.warn(`\n!!! ${spec.name.toUpperCase()} TESTS SKIPPED !!!\n${message}\n`);
    }
    (spec.installed ? describe : describe.skip)(`${name} (${spec.name})`, () => {
      const fixture = {} as EngineFixture;
      let server: RunningServer;
      beforeAll(async () => {
        fixture.csp = await collectCspReports();
        server = await serveDist({
          root: DIST,
          headersFile: true,
          headers: { 'content-security-policy-report-only': `${policy}; report-uri ${fixture.csp.uri}` },
        });
        fixture.url = (path = '') => server.url + path.replace(/^\//, '');
        const port = Number(new URL(server.url).port);
        fixture.serverReachable = (reachable) =>
          new Promise((done) => {
            if (reachable) {
              if (!server.server.listening) server.server.listen(port, '127.0.0.1', () => done());
              else done();
            } else {
              server.server.close(() => done());
              server.server.closeAllConnections();
            }
          });
        fixture.engine = await spec.launch();
      }, 60_000);
      afterAll(async () => {
        await fixture.engine?.close();
        await server?.close();
        await fixture.csp?.close();
      });
      body(fixture);
    });
  }
}
