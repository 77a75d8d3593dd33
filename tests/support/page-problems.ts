// Collects what must never happen on a page: CSP violations, console errors and warnings, uncaught exceptions,
// dialogs, and requests to any host but the test server.
import type { ConsoleMessage, Dialog, Page, Request, Response } from 'playwright-core';

export interface Problems {
  list: () => Promise<string[]>;
  /** Stops listening, so that a page handed to the next test (see `withPage`) reports only that test's problems. */
  stop: () => void;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

const watched = new WeakSet<Page>();

export async function watchProblems(page: Page, origin: string): Promise<Problems> {
  const seen: string[] = [];
  // Once a page: each document it loads from then on keeps a list of its own.
  if (!watched.has(page)) {
    watched.add(page);
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations!.push(
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
    });
  }
  const onConsole = (message: ConsoleMessage) => {
    // The site's icon is /favicon.svg; Chromium asks for /favicon.ico on its own, whatever the page says.
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error' || message.type() === 'warning')
      seen.push(`console ${message.type()}: ${message.text()}`);
  };
  const onPageError = (error: Error) => seen.push(`uncaught: ${error.message}`);
  const onDialog = async (dialog: Dialog) => {
    seen.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    await dialog.dismiss();
  };
  const onRequest = (request: Request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:') seen.push(`request to another host: ${request.url()}`);
  };
  const onRequestFailed = (request: Request) =>
    seen.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  const onResponse = (response: Response) => {
    if (response.status() >= 400 && !/\/(404\.html|favicon\.ico)$/.test(response.url()))
      seen.push(`HTTP ${response.status()}: ${response.url()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('dialog', onDialog);
  page.on('request', onRequest);
  page.on('requestfailed', onRequestFailed);
  page.on('response', onResponse);
  return {
    list: async () => {
      const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      return [...seen, ...violations.map((v) => `CSP: ${v}`)];
    },
    stop: () => {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('dialog', onDialog);
      page.off('request', onRequest);
      page.off('requestfailed', onRequestFailed);
      page.off('response', onResponse);
    },
  };
}
