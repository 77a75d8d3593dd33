// A smoke test of reading, searching, linking and copying in Firefox and in WebKit (Safari's engine), on one
// section page served with the site's real headers. The other browser tests run in Chromium only; this suite
// checks that what readers do most works in the other two engines as well. Selectors lean on roles, labels and
// data attributes rather than on class names, and every interaction goes through tests/support/engines.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeInEngines, type EnginePage } from '../support/engines';
import { DIST, loadPage, normalizeText, sectionFile } from '../support/dist';

const PAGE = 'china-united-front/joske-recommendations/';
// The policy the page enforces (its <meta>): served again as report-only, so that any violation is reported.
const POLICY = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(
  readFileSync(join(DIST, sectionFile('joske-recommendations')), 'utf8'),
)![1];

/** The hit bar's count ("Hit 2 of 7"), or null; with `expected`, true once it reads so. */
function hitCount(expected?: string) {
  const status = [...document.querySelectorAll('[role="status"]')].find((el) =>
    /^Hit \d+ of \d+$/.test(el.textContent!),
  );
  const text = status?.textContent ?? null;
  return expected === undefined ? text : text === expected || null;
}
function searchBox() {
  const box = document.querySelector<HTMLInputElement>('dialog[open] input[type="search"]');
  return box && document.activeElement === box ? true : null;
}
function searchResults() {
  return document.querySelectorAll('dialog[open] a[href*="highlight="]').length || null;
}
const dialogClosed = () => !document.querySelector('dialog[open]');
function inView(selector: string) {
  const box = document.querySelector(selector)?.getBoundingClientRect();
  return box && box.top >= 0 && box.top < innerHeight ? true : null;
}
// The first words of the fifth paragraph, far enough down that the page must scroll to them.
const paragraph = loadPage(sectionFile('joske-recommendations')).getElementById('p-5')!;
paragraph.querySelector('a.para-link')?.remove();
const FIFTH_PARAGRAPH_START = normalizeText(paragraph.textContent!).split(' ').slice(0, 6).join(' ');
const shareStatus = () => document.querySelector('[data-share-status]')?.textContent || null;

describeInEngines('reading, searching and copying', POLICY, (fixture) => {
  const open = async (path = PAGE): Promise<EnginePage> => {
    const page = await fixture.engine.newPage();
    await page.goto(fixture.url(path));
    return page;
  };
  /** Runs a check on a fresh page and requires no error on it. */
  const withPage = async (path: string, check: (page: EnginePage) => Promise<void>) => {
    const page = await open(path);
    try {
      await check(page);
      expect(await page.problems()).toEqual([]);
    } finally {
      await page.close();
    }
  };

  it('loads a section page without errors, and switches the theme', async () => {
    await withPage(PAGE, async (page) => {
      expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe(
        'Alex Joske’s report and recommendations',
      );
      // The theme control is a native <select>: the reader picks Dark, the page turns dark and remembers it.
      const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.evaluate(() => {
        const select = document.querySelector<HTMLSelectElement>('#theme-select')!;
        select.value = 'dark';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('dark');
      await page.waitFor((light) => getComputedStyle(document.body).backgroundColor !== light, before);
    });
  });

  it('opens an entity card from its button, and closes it with Escape', async () => {
    await withPage(PAGE, async (page) => {
      await page.click('button[popovertarget]');
      await page.waitFor(() => document.querySelector('[popover]:popover-open')?.id || null);
      await page.press('Escape');
      await page.waitFor(() => !document.querySelector('[popover]:popover-open'));
    });
  });

  it('opens search with “/”, with Ctrl-K and with the Search button, and lists results for what is typed', async () => {
    await withPage(PAGE, async (page) => {
      const ways: [string, () => Promise<void>][] = [
        ['/', () => page.press('/')],
        ['Ctrl-K', () => page.press('k', 'Control')],
        ['the button', () => page.click('[data-search-open]')],
      ];
      for (const [way, openSearch] of ways) {
        await openSearch();
        await page.waitFor(searchBox).catch(() => expect.fail(`search did not open with ${way}`));
        await page.type('united front');
        await page.waitFor(searchResults).catch(() => expect.fail(`no results after opening with ${way}`));
        await page.click('dialog[open] .search-dialog__close');
        await page.waitFor(dialogClosed);
        // The next way starts from the page, not from the box.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      }
    });
  });

  it('lands from a search result with the hits marked, and n and N move between them', async () => {
    await withPage(`${PAGE}?highlight=united&highlight=front`, async (page) => {
      const first = (await page.waitFor(hitCount)) as string;
      const total = Number(/of (\d+)$/.exec(first)![1]);
      expect(first).toBe(`Hit 1 of ${total}`);
      expect(total).toBeGreaterThan(1);
      expect(await page.evaluate(() => document.querySelectorAll('article mark').length)).toBeGreaterThan(1);
      await page.press('n');
      await page.waitFor(hitCount, `Hit 2 of ${total}`);
      await page.press('N', 'Shift');
      await page.waitFor(hitCount, `Hit 1 of ${total}`);
    });
  });

  it('opens a paragraph’s link (#p-3) with that paragraph in view', async () => {
    await withPage(`${PAGE}#p-3`, async (page) => {
      await page.waitFor(inView, '#p-3');
    });
  });

  it('opens a text-fragment link at its words, where the engine has text fragments', async (context) => {
    const probe = await open();
    const supported = await probe.evaluate(() => 'fragmentDirective' in document);
    await probe.close();
    if (!supported) {
      console.warn(
        `${fixture.engine.name} has no text fragments: “Copy link to selection” gives a paragraph link there.`,
      );
      context.skip();
    }
    await withPage(`${PAGE}#:~:text=${encodeURIComponent(FIFTH_PARAGRAPH_START)}`, async (page) => {
      await page.waitFor(inView, '#p-5');
    });
  });

  it('copies a heading’s link on the first click, and the clipboard holds it', async () => {
    await withPage(PAGE, async (page) => {
      const href = await page.evaluate(() => document.querySelector<HTMLAnchorElement>('article a.heading-link')!.href);
      await page.click('article a.heading-link');
      expect(await page.waitFor(shareStatus)).toBe('Link copied');
      expect(await page.evaluate(() => location.href)).toBe(href);
      expect(await page.clipboard()).toBe(href);
    });
  });

  it('copies a citation on the first click, with the reader’s access date', async () => {
    await withPage(PAGE, async (page) => {
      const today = await page.evaluate(() => new Date().toLocaleDateString('en-US', { dateStyle: 'long' }));
      await page.click('[data-copy="cite-apa"]');
      expect(await page.waitFor(shareStatus)).toBe('Citation copied');
      expect(await page.clipboard()).toBe(
        `Alex Joske’s report and recommendations. (n.d.). Research Reader. Retrieved ${today}, from http://localhost:4321/${PAGE}`,
      );
    });
  });

  it('saves the briefing for offline, then offline reloads, reads another section, searches and lands on the words', async () => {
    const page = await open();
    const offlineStatus = (pattern: string) =>
      new RegExp(pattern).test(document.querySelector('[data-offline-status]')?.textContent ?? '') || null;
    let offlineByDriver = false;
    try {
      await page.waitFor(() => Boolean(navigator.serviceWorker?.controller) || null);
      await page.click('[data-offline-save]');
      await page.waitFor(offlineStatus, '^Saved for offline');
      // Offline: the driver's own switch where it has one (Firefox), else the server goes away (WebKit).
      offlineByDriver = await page.setOffline(true);
      if (!offlineByDriver) await fixture.serverReachable(false);
      await page.goto(fixture.url(PAGE));
      await page.waitFor(
        () => document.querySelector('h1')?.textContent === 'Alex Joske’s report and recommendations' || null,
      );
      // The control's code, loaded once the page has, reads the saved state offline too. (Navigating on while it
      // loads made Firefox report the abandoned import as an error of the page.)
      await page.waitFor(offlineStatus, '^Saved for offline');
      await page.goto(fixture.url('china-united-front/sharp-power/'));
      await page.waitFor(() => document.querySelector('h1')?.textContent === 'Sharp power' || null);
      await page.waitFor(offlineStatus, '^Saved for offline');
      await page.press('/');
      await page.waitFor(searchBox);
      await page.type('united front');
      await page.waitFor(searchResults);
      await page.click('dialog[open] a[href*="highlight="]');
      await page.waitFor(hitCount);
    } finally {
      if (offlineByDriver) await page.setOffline(false);
      else await fixture.serverReachable(true);
    }
    // Back online, the reader removes it again (and the rest of the suite reads from the network as before).
    await page.goto(fixture.url(PAGE));
    // The control says "Saved" once its script has read the saved state: only then is "Remove" the one to press.
    await page.waitFor(offlineStatus, '^Saved for offline');
    await page.click('[data-offline-remove]');
    await page.waitFor(offlineStatus, '^Removed from this device');
    expect(await page.problems()).toEqual([]);
    await page.close();
  });

  it('reported no Content-Security-Policy violation on any page of this suite', async () => {
    // Reports are sent after the fact: give the last ones a moment.
    await new Promise((done) => setTimeout(done, 500));
    expect(fixture.csp.list()).toEqual([]);
  });
});
