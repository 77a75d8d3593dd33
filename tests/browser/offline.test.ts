// Reading offline in Chromium: the service worker keeps what the reader opened, "Save for offline" keeps a whole
// briefing and its search, and offline the saved briefing reads, searches and lands on the words, while a page
// not saved gets our own offline page. A new build replaces the saved copy, and the control says "updated".
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser';
import { DIST } from '../support/dist';

const SECTION = 'china-united-front/sharp-power/';
const manifest = JSON.parse(readFileSync(join(DIST, 'offline/china-united-front.json'), 'utf8')) as {
  build: string;
  files: { url: string; bytes: number }[];
  bytes: number;
};

// Saving a whole briefing waits up to 30 s for "Saved" (see save below): the tests here get longer than the rest.
vi.setConfig({ testTimeout: 60_000 });

/** Waits until the service worker controls the page (it registers after load and claims the page it started on). */
const controlled = (page: Page) =>
  page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 15_000 });

/** The URLs (paths) in this site's caches, by cache name. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys())
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
    return out;
  });

async function save(page: Page) {
  const control = page.locator('[data-offline]');
  const button = control.getByRole('button', { name: /Save for offline/ });
  await button.click();
  await expect
    .poll(() => control.locator('[role="status"]').textContent(), { timeout: 30_000 })
    .toMatch(/^Saved for offline \(\d+(\.\d)? (MB|KB)\)/);
}

describeInBrowser('reading offline', ({ newPage, url }) => {
  it('keeps a page read once, with its styles, icon and entity cards, and caches nothing else on a plain visit', async () => {
    const page = await newPage();
    const fetched: string[] = [];
    page.context().on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(url(SECTION));
    await controlled(page);
    await expect
      .poll(() => cachedUrls(page))
      .toEqual({
        [`reader-${manifest.build}-visited`]: [stylesheet(), '/favicon.svg', `/${SECTION}`].sort(),
      });
    // Nothing was asked for but the page, its stylesheet and the worker itself (the worker takes the first two
    // from the browser's cache).
    expect(new Set(fetched.filter((path) => !/\/(sw\.js|favicon\.svg)$/.test(path)))).toEqual(
      new Set([`/${SECTION}`, stylesheet()]),
    );
    // A second visit, the worker in control: the control's code still waits for the reader (nothing is saved).
    fetched.length = 0;
    await page.reload({ waitUntil: 'networkidle' });
    expect(fetched.filter((path) => /\/_astro\/offline-/.test(path))).toEqual([]);
    await page.context().setOffline(true);
    await page.reload();
    await expect(page.locator('h1').textContent()).resolves.toBe('Sharp power');
    // Styled, and its entity cards open.
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('p-1')!).fontFamily)).toMatch(
      /^"Iowan Old Style"/,
    );
    await page.locator('button[popovertarget]').first().click();
    await expect(page.locator('[popover]:popover-open').count()).resolves.toBe(1);
    await page.context().close();
  });

  it('saves the briefing and its search: read, search and land on the words offline; an unsaved page gets our offline page', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url(SECTION));
    const control = page.locator('[data-offline]');
    // The size before saving, in the button's name (read by screen readers), from the build's own count.
    const sizeText = `${(manifest.bytes / 1e6).toFixed(1)} MB`;
    await expect(control.getByRole('button', { name: `Save for offline (${sizeText})` }).isVisible()).resolves.toBe(
      true,
    );
    await save(page);
    await expect(control.getByRole('button', { name: 'Remove' }).isVisible()).resolves.toBe(true);
    await expect(control.getByRole('button', { name: /^Save for offline/ }).isVisible()).resolves.toBe(false);
    await expect(control.locator('progress').isVisible()).resolves.toBe(false);
    // Keyboard: focus moved to Remove, the next action.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Remove');
    const saved = (await cachedUrls(page))[`reader-${manifest.build}-saved-china-united-front`];
    for (const file of manifest.files) expect(saved).toContain(file.url);

    await page.context().setOffline(true);
    await page.reload();
    await expect(page.locator('h1').textContent()).resolves.toBe('Sharp power');
    // Once the control's script has read what is saved.
    await expect.poll(() => control.locator('[role="status"]').textContent()).toMatch(/^Saved for offline/);
    // Every section, the all-in-one page, an entity page, a citation file.
    for (const path of ['china-united-front/', 'china-united-front/all/', 'entities/alex-joske/']) {
      const response = await page.goto(url(path));
      expect(response?.status(), path).toBe(200);
      await expect(page.locator('h1').count()).resolves.toBe(1);
    }
    expect(await page.evaluate(async (u) => (await fetch(u)).status, url('china-united-front/cite.bib'))).toBe(200);

    // Search in the dialog finds the words and lands on them.
    await page.goto(url(SECTION));
    await page.keyboard.press('/');
    await page.locator('.search-dialog input[type="search"]').fill('united front');
    const first = page.locator('.search-dialog .result-link').first();
    await first.waitFor({ timeout: 15_000 });
    await expect(page.locator('.search-dialog [role="status"]').first().textContent()).resolves.toMatch(
      /You are offline: searched the one briefing saved on this device; briefings not saved are not available/,
    );
    await first.click();
    await page.waitForURL(/\?highlight=/);
    await expect(page.locator('article mark.search-hit').count()).resolves.toBeGreaterThan(0);

    // The search page too.
    await page.goto(url('search/?q=sharp+power'));
    await page.locator('.results .result-link').first().waitFor({ timeout: 15_000 });

    // A page not saved: our own page, listing what is saved, not the browser's error page.
    const response = await page.goto(url(''));
    expect(response?.status()).toBe(503);
    await expect(page.locator('h1').textContent()).resolves.toBe('You are offline');
    await expect(page.getByRole('link', { name: /^China steps up foreign interference/ }).count()).resolves.toBe(1);

    // Remove, back online.
    await page.context().setOffline(false);
    await page.goto(url(SECTION));
    await control.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => control.locator('[role="status"]').textContent()).toBe('Removed from this device.');
    expect(Object.keys(await cachedUrls(page)).some((name) => name.includes('-saved-'))).toBe(false);
    await page.context().close();
  });

  it('offline with nothing saved, search says so plainly, and the offline page lists what was read', async () => {
    // Without the page's own policy, so that axe can be added to our offline page.
    const page = await newPage({ bypassCSP: true });
    await page.goto(url(SECTION));
    await controlled(page);
    await page.context().setOffline(true);
    await page.keyboard.press('/');
    await page.locator('.search-dialog input[type="search"]').fill('united front');
    await expect
      .poll(() => page.locator('.search-dialog [role="status"]').first().textContent(), { timeout: 15_000 })
      .toMatch(/^You are offline, and no briefing is saved on this device, so search is not available/);
    await page.goto(url('entities/'));
    await expect(page.locator('h1').textContent()).resolves.toBe('You are offline');
    await expect(page.getByText('No briefing is saved.').count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Sharp power · China steps up', exact: false }).count()).resolves.toBe(
      1,
    );
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const { axe } = window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } };
      return (await axe.run()).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.context().close();
  });
});

/** The site's one stylesheet, as the build named it. */
function stylesheet(): string {
  return '/_astro/' + readdirSync(join(DIST, '_astro')).find((file) => file.endsWith('.css'))!;
}

// A second build of the site, served from a copy: the same files under a new build id, as after a deploy.
const copy = mkdtempSync(join(tmpdir(), 'reader-offline-'));
cpSync(DIST, copy, { recursive: true });
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describeInBrowser(
  'a new build replaces a saved briefing',
  ({ newPage, url }) => {
    it('stores it again from the new build, deletes the old caches and says "updated"', async () => {
      const page = await newPage();
      await page.goto(url(SECTION));
      await save(page);
      const next = 'f'.repeat(16);
      for (const file of ['sw.js', 'offline/china-united-front.json']) {
        const path = join(copy, file);
        writeFileSync(path, readFileSync(path, 'utf8').replaceAll(manifest.build, next));
      }
      await page.reload();
      const status = page.locator('[data-offline] [role="status"]');
      await expect
        .poll(() => status.textContent(), { timeout: 30_000 })
        .toMatch(/^Saved for offline \(.+\), updated to the latest version on \d+ \w+ \d{4}/);
      const names = Object.keys(await cachedUrls(page));
      expect(names.every((name) => name.startsWith(`reader-${next}-`))).toBe(true);
      expect(names).toContain(`reader-${next}-saved-china-united-front`);
      await page.context().close();
    });
  },
  { root: copy },
);
