// Collects what must never happen on a page: CSP violations, console errors and warnings, uncaught exceptions,
// dialogs, and requests to any host but the test server.
import type { Page } from 'playwright-core';

export interface Problems {
  list: () => Promise<string[]>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export async function watchProblems(page: Page, origin: string): Promise<Problems> {
  const seen: string[] = [];
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    // The site has no favicon yet, and Chromium asks for /favicon.ico on its own, whatever the page says.
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error' || message.type() === 'warning')
      seen.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
  page.on('dialog', async (dialog) => {
    seen.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:') seen.push(`request to another host: ${request.url()}`);
  });
  page.on('requestfailed', (request) => seen.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !/\/(404\.html|favicon\.ico)$/.test(response.url()))
      seen.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return {
    list: async () => {
      const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      return [...seen, ...violations.map((v) => `CSP: ${v}`)];
    },
  };
}
