import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser';
import { throttleLikeASlowPhone } from '../support/slow-phone';

/** Result titles as the reader sees them, once the results have settled. */
async function resultTitles(page: Page, scope = 'body'): Promise<string[]> {
  const links = page.locator(`${scope} .results .result-link`);
  await links.first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(300); // results render progressively
  return links.allTextContents();
}

async function openDialogAndSearch(page: Page, query: string) {
  await page.keyboard.press('/');
  const input = page.locator('.search-dialog input[type="search"]');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(query);
  return input;
}

describeInBrowser('search from anywhere', ({ newPage, url, withPage }) => {
  it('loads no search code or index until search is opened', async () => {
    const page = await newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.goto(url('china-united-front/sharp-power/'));
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await openDialogAndSearch(page, 'united front');
    await resultTitles(page);
    expect(fetched.some((u) => u.includes('/pagefind/'))).toBe(true);
    // The WebAssembly, the largest file, is asked for once, with Pagefind's script, not after its entry file.
    const paths = fetched.map((u) => new URL(u).pathname);
    expect(paths.filter((p) => p.endsWith('.pagefind'))).toEqual(['/pagefind/wasm.en.pagefind']);
    expect(paths.indexOf('/pagefind/wasm.en.pagefind')).toBeLessThan(paths.indexOf('/pagefind/pagefind-entry.json'));
  });

  it('finds "united front" from any page: the UFWD section first, and a heading sub-result lands on the words', async () => {
    await withPage({ viewport: { width: 1280, height: 800 } }, async (page) => {
      await page.goto(url('china-united-front/sharp-power/'));
      await openDialogAndSearch(page, 'united front');
      expect((await resultTitles(page, '.search-dialog'))[0]).toBe('The United Front Work Department');
      const first = page.locator('.search-dialog .result').first();
      expect(await first.locator('.result-briefing').textContent()).toContain('China steps up');
      const sub = first.locator('.result-heading-link').first();
      const href = (await sub.getAttribute('href'))!;
      expect(href).toMatch(
        /^\/china-united-front\/united-front-work-department\/\?highlight=united\+front#[a-z0-9-]+$/,
      );
      await sub.click();
      await page.waitForURL(/united-front-work-department\/\?highlight=/);
      const bar = page.locator('.hit-bar');
      await expect(bar.locator('[role="status"]').textContent({ timeout: 5000 })).resolves.toMatch(/^Hit 1 of \d+$/);
      const marks = await page.locator('article mark.search-hit').allTextContents();
      expect(marks.length).toBeGreaterThan(1);
      for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^(united|front)/);
      await page.waitForTimeout(800);
      const box = await page.locator('mark.search-hit--current').first().boundingBox();
      // "united front" is one hit, both words marked together.
      expect(await page.locator('mark.search-hit--current').allTextContents()).toEqual(['United', 'Front']);
      expect(box!.y).toBeGreaterThan(56);
      expect(box!.y).toBeLessThan(800);
    });
  });

  it('opens with Ctrl-K too, and Escape closes it and returns focus to where it was', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('china-united-front/'));
      await page.locator('.section-list a').first().focus();
      await page.keyboard.press('Control+k');
      const input = page.locator('.search-dialog input[type="search"]');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await expect.poll(() => input.evaluate((el) => el === document.activeElement || el.matches(':focus'))).toBe(true);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe('The United Front Work Department');
    });
  });

  it('opens the first result on Enter, for the words just typed even before their results show', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('china-united-front/'));
      const input = await openDialogAndSearch(page, 'sharp power');
      expect((await resultTitles(page, '.search-dialog'))[0]).toBe('Sharp power');
      await input.fill('wolf warrior');
      await input.press('Enter');
      await page.waitForURL(/\/wolf-warrior-amplification\/\?highlight=wolf\+warrior$/, { timeout: 10_000 });
    });
  });

  it('has a "See all results" link to /search/?q=…', async () => {
    await withPage({}, async (page) => {
      await page.goto(url(''));
      await openDialogAndSearch(page, 'sharp power');
      await resultTitles(page);
      await expect
        .poll(() => page.locator('.search-dialog .see-all').getAttribute('href'))
        .toMatch(/\/search\/\?q=sharp\+power$/);
    });
  });

  it('offers "Did you mean …?" as a button that runs the corrected search', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('china-united-front/'));
      const input = await openDialogAndSearch(page, 'Uighur');
      const button = page.locator('.search-dialog .search-suggest button');
      await button.waitFor({ timeout: 10_000 });
      expect(await page.locator('.search-dialog .search-suggest').textContent()).toBe('Did you mean Uyghur?');
      await button.click();
      expect(await input.inputValue()).toBe('Uyghur');
      expect((await resultTitles(page, '.search-dialog'))[0]).toBe('Webinar: China at a Crossroads');
    });
  });

  it('announces the number of results', async () => {
    await withPage({}, async (page) => {
      await page.goto(url(''));
      await openDialogAndSearch(page, 'Joske');
      await resultTitles(page);
      await expect
        .poll(() => page.locator('.search-dialog .search-status').textContent())
        .toMatch(/^\d+ results? for “Joske”\.$/);
    });
  });
});

describeInBrowser('search that cannot load', ({ newPage, url }) => {
  it('says so, in the dialog and on /search/, and works once the index is reachable again', async () => {
    // Without the offline service worker, which would answer from what it kept (and which page.route cannot see).
    const page = await newPage({ serviceWorkers: 'block' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(url('china-united-front/sharp-power/'));
    await openDialogAndSearch(page, 'united front');
    const status = page.locator('.search-dialog .search-status');
    await expect.poll(() => status.textContent()).toBe('Search could not load. Check your connection and try again.');
    await page.unroute('**/pagefind/**');
    await page.locator('.search-dialog input[type="search"]').fill('sharp power');
    expect((await resultTitles(page, '.search-dialog'))[0]).toBe('Sharp power');

    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(url('search/?q=sharp+power'));
    await expect
      .poll(() => page.locator('.search-page .search-status').textContent())
      .toBe('Search could not load. Check your connection and try again.');
    expect(errors).toEqual([]);
  });
});

describeInBrowser('the search page', ({ newPage, url, withPage }) => {
  it('shows results for /search/?q=sharp+power without typing', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('search/?q=sharp+power'));
      expect((await resultTitles(page))[0]).toBe('Sharp power');
      expect(await page.locator('.search-page input[type="search"]').inputValue()).toBe('sharp power');
    });
  });

  it('keeps the query in the URL: typing replaces it, Enter then typing adds history, Back restores', async () => {
    const page = await newPage();
    await page.goto(url('search/'));
    const input = page.locator('.search-page input[type="search"]');
    await input.waitFor();
    await input.fill('wolf warrior');
    await expect.poll(() => page.url()).toMatch(/\?q=wolf\+warrior$/);
    await input.press('Enter');
    await input.fill('Wallenberg');
    await expect.poll(() => page.url()).toMatch(/\?q=Wallenberg$/);
    expect((await resultTitles(page))[0]).toBe('Webinar: China at a Crossroads');
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/\?q=wolf\+warrior$/);
    await expect.poll(() => input.inputValue()).toBe('wolf warrior');
    await expect.poll(async () => (await resultTitles(page))[0]).toBe('Wolf-warrior diplomacy on Twitter');
  });

  it('on a slow phone, keeps the entry Enter made when the reader types on before its results have come', async () => {
    const page = await newPage();
    await throttleLikeASlowPhone(page);
    await page.goto(url('search/'));
    const input = page.locator('.search-page input[type="search"]');
    await input.waitFor();
    // Typed, sent with Enter and changed within a few milliseconds, in the page: before search has even loaded.
    await page.evaluate(() => {
      const box = document.querySelector<HTMLInputElement>('.search-page input[type="search"]')!;
      box.value = 'united front';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      box.form!.requestSubmit();
      setTimeout(() => {
        box.value = 'Wallenberg';
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }, 10);
    });
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/\?q=Wallenberg$/);
    await expect
      .poll(async () => (await resultTitles(page))[0], { timeout: 15_000 })
      .toBe('Webinar: China at a Crossroads');
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/\?q=united\+front$/);
    await expect.poll(() => input.inputValue()).toBe('united front');
  });

  it('filters by section from the URL', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('search/?q=china&section=Sharp+power'));
      expect(await resultTitles(page)).toEqual(['Sharp power']);
    });
  });

  it('opens the filters with nothing searched: every value, with how many sections have it', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('search/'));
      await page.locator('.search-filters summary').click();
      const sections = page.getByRole('group', { name: 'Section' }).locator('label');
      await expect.poll(() => sections.count(), { timeout: 10_000 }).toBe(5);
      expect(await sections.allTextContents()).toContain('Sharp power (1)');
    });
  });

  it('shows a filter the index does not have, ticked, so the reader can see why nothing matches and untick it', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('search/?q=china&section=A+renamed+section'));
      await expect
        .poll(() => page.locator('.search-page .search-status').textContent())
        .toBe('No results for “china”.');
      const box = page.getByRole('group', { name: 'Section' }).getByRole('checkbox', { name: /A renamed section/ });
      expect(await box.isChecked()).toBe(true);
      await box.uncheck();
      await expect.poll(() => page.url()).toMatch(/\/search\/\?q=china$/);
      expect(await resultTitles(page)).toHaveLength(5);
    });
  });

  it('says without JavaScript why nothing was searched, and links to the A–Z index pages, where a letter leads on', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(url('search/?q=united+front'));
      await expect(page.locator('.search-page form').textContent()).resolves.toContain(
        'Search runs in your browser and needs JavaScript, which is off, so the words you submit are not searched.',
      );
      expect(await page.locator('main a[href$="/all/"]').count()).toBeGreaterThan(0);
      const index = page.locator('.term-index');
      expect(await index.isVisible()).toBe(true);
      await index.getByRole('link', { name: 'U', exact: true }).click();
      await page.waitForURL(/\/terms\/u\/$/);
      expect(await page.locator('.term-index h2').textContent()).toBe('U');
      const link = page.locator('.term-index li a', { hasText: 'UFWD (United Front Work Department)' });
      expect(await link.getAttribute('href')).toBe('/china-united-front/united-front-work-department/');
    });
  });

  it('lists people, organisations and concepts in the A–Z index pages, each linking to its page', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      const entry = async (letter: string, text: string) => {
        await page.goto(url(`terms/${letter}/`));
        return page.locator('.term-index li', { hasText: text }).first().locator('a').getAttribute('href');
      };
      expect(await entry('k', 'Kristine Lee (Person)')).toBe('/entities/kristine-lee/');
      expect(await entry('j', 'Joske (Alex Joske)')).toBe('/china-united-front/joske-recommendations/');
      expect(await entry('u', 'United Front Work Department (Organisation)')).toBe(
        '/entities/united-front-work-department/',
      );
      expect(await entry('s', 'sharp power (Concept)')).toBe('/entities/sharp-power/');
      await page.goto(url('terms/chinese/'));
      expect(await page.locator('.term-index [lang="zh-Hans"]', { hasText: '统战部' }).count()).toBeGreaterThan(0);
    });
  });

  it('shows the A–Z index only while the box is empty, with JavaScript', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('search/?q=united+front'));
      await page.locator('.search-page .result-link').first().waitFor({ timeout: 10_000 });
      expect(await page.locator('.term-index').isVisible()).toBe(false);
      await page.locator('.search-page input[type="search"]').fill('');
      await expect.poll(() => page.locator('.term-index').isVisible()).toBe(true);
      expect(await page.locator('.search-page .result-link').count()).toBe(0);
    });
  });

  it('offers "Did you mean …?" as a link to the corrected search', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('search/?q=untied+front'));
      const link = page.locator('.search-page .search-suggest a');
      await link.waitFor({ timeout: 10_000 });
      expect(await page.locator('.search-page .search-suggest').textContent()).toBe('Did you mean united front?');
      expect(await link.getAttribute('href')).toBe('/search/?q=united+front');
      await link.click();
      expect((await resultTitles(page))[0]).toBe('The United Front Work Department');
    });
  });

  it('fetches the vocabulary only for a word that needs a suggestion, and then one small file', async () => {
    const page = await newPage();
    const fetched: string[] = [];
    page.on('requestfinished', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(url('search/?q=united+front'));
    await resultTitles(page);
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((path) => path.includes('/vocabulary/'))).toEqual([]);
    await page.locator('.search-page input[type="search"]').fill('Uighur');
    await page.locator('.search-page .search-suggest a').waitFor({ timeout: 10_000 });
    expect(fetched.filter((path) => path.includes('/vocabulary/'))).toEqual(['/pagefind/vocabulary/u.json']);
  });
});

describeInBrowser('landing on the words', ({ url, withPage }) => {
  // What was typed, and the words the landing must mark (as printed in the section).
  const FORMS: [string, string[]][] = [
    ['influencers', ['influencer']],
    ['diasporas', ['diaspora']],
    ['Joskie', ['Joske']],
    ["O'Keefe", ['O’Keefe']],
    ['sharpe power', ['sharp', 'power']],
  ];
  it.each(FORMS)('"%s" lands on %j, counted in the hit bar', async (query, forms) => {
    await withPage({}, async (page) => {
      await page.goto(url(`search/?q=${encodeURIComponent(query)}`));
      await page.locator('.search-page .result-link').first().click();
      const status = page.locator('.hit-bar [role="status"]');
      await expect(status.textContent({ timeout: 5000 })).resolves.toMatch(/^Hit 1 of \d+$/);
      const marks = await page.locator('article mark.search-hit').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const form of forms) expect(marks.map((m) => m.toLowerCase())).toContain(form.toLowerCase());
    });
  });

  it('marks the English name for a search in Chinese', async () => {
    await withPage({}, async (page) => {
      await page.goto(url(`search/?q=${encodeURIComponent('统战部')}`));
      await page.locator('.search-page .result-link').first().click();
      await page.locator('.hit-bar').waitFor();
      expect(await page.locator('article mark.search-hit').allTextContents()).toContain('United Front Work Department');
    });
  });

  it('marks "united" for "united front", not the "unit" the index also matches', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('search/?q=united+front'));
      const first = page.locator('.search-page .result').first();
      await first.waitFor({ timeout: 10_000 });
      const excerptMarks = (await first.locator('mark').allTextContents()).flatMap((m) => m.toLowerCase().split(' '));
      expect(excerptMarks).toEqual(expect.arrayContaining(['front', 'united']));
      expect(excerptMarks).not.toContain('unit');
      await first.locator('.result-link').click();
      await page.locator('.hit-bar').waitFor();
      const marks = await page.locator('article mark.search-hit').allTextContents();
      expect(marks.map((m) => m.toLowerCase())).not.toContain('unit');
    });
  });

  it('steps through hits with n and N, and Escape clears them and the URL parameter', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('china-united-front/joske-recommendations/?highlight=united&highlight=front'));
      const status = page.locator('.hit-bar [role="status"]');
      await expect(status.textContent({ timeout: 5000 })).resolves.toMatch(/^Hit 1 of (\d+)$/);
      const total = Number((await status.textContent())!.split(' of ')[1]);
      await page.keyboard.press('n');
      expect(await status.textContent()).toBe(`Hit 2 of ${total}`);
      await page.keyboard.press('Shift+N');
      await page.keyboard.press('Shift+N');
      expect(await status.textContent()).toBe(`Hit ${total} of ${total}`);
      await page.locator('.hit-bar__next').click();
      expect(await status.textContent()).toBe(`Hit 1 of ${total}`);
      await page.keyboard.press('Escape');
      expect(await page.locator('mark.search-hit').count()).toBe(0);
      expect(await page.locator('.hit-bar').count()).toBe(0);
      expect(page.url()).not.toContain('highlight');
    });
  });

  it('marks a quoted phrase as a phrase, not its separate words', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('search/?q=%22united+front%22'));
      const link = page.locator('.results .result-link').first();
      await link.waitFor({ timeout: 10_000 });
      await link.click();
      await page.locator('.hit-bar').waitFor();
      const marks = await page.locator('article mark.search-hit').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(mark.toLowerCase().replace(/\s+/g, ' ')).toBe('united front');
    });
  });

  it('marks what an alias stands for', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('search/?q=UFWD'));
      expect((await resultTitles(page))[0]).toBe('The United Front Work Department');
      await page.locator('.results .result-link').first().click();
      await page.locator('.hit-bar').waitFor();
      expect(await page.locator('article mark.search-hit').allTextContents()).toContain('United Front Work Department');
    });
  });
});

describeInBrowser('filter values and hashes that are not what they seem', ({ newPage, url }) => {
  it.each(['__proto__', 'constructor', 'toString'])(
    '?person=%s is an unknown value like any other: ticked, no count, no results',
    async (value) => {
      const page = await newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url(`search/?q=china&person=${value}`));
      await expect
        .poll(() => page.locator('.search-page .search-status').textContent())
        .toBe('No results for “china”.');
      const box = page.getByRole('group', { name: 'Person' }).getByRole('checkbox', { name: value });
      expect(await box.isChecked()).toBe(true);
      const filters = (await page.locator('.search-filters').textContent()) ?? '';
      expect(filters).not.toMatch(/object|function|native code/);
      expect(errors).toEqual([]);
    },
  );

  it('lands with a malformed hash: the words are marked and the hit bar shows', async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url('china-united-front/sharp-power/?highlight=power#%E0%A4%A'));
    await expect(page.locator('.hit-bar [role="status"]').textContent({ timeout: 5000 })).resolves.toMatch(
      /^Hit 1 of \d+$/,
    );
    expect(errors).toEqual([]);
  });
});

const HOSTILE = ['<img src=x onerror=alert(1)>', '"united front', 'x'.repeat(1000), '🐺🐺', '统战部', '   '];

describeInBrowser('bad input', ({ newPage, url }) => {
  it.each(HOSTILE)(
    '%s in ?q=, the box and ?highlight= never runs as code and gets results or a clear "No results"',
    async (value) => {
      const page = await newPage();
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url(`search/?q=${encodeURIComponent(value)}`));
      const term = value.trim();
      if (term) {
        // The search's own answer, not an earlier state of the page: a count, or "No results".
        await page
          .locator('.search-status')
          .filter({ hasText: /^(No results|\d+ results?) for / })
          .waitFor({ timeout: 10_000 });
        const status = (await page.locator('.search-status').textContent()) ?? '';
        // Nothing in it is a letter or a digit: no section holds it.
        if (!/[\p{L}\p{N}]/u.test(term)) expect(status).toMatch(/^No results for /);
        if (status.startsWith('No results')) {
          expect(await page.locator('.results .result-link').count()).toBe(0);
          await expect.poll(() => page.locator('.search-status').textContent()).toMatch(/^No results for “.+”\.$/s);
          await expect(page.locator('.no-results').isVisible()).resolves.toBe(true);
          expect(await page.locator('.no-results a').count()).toBeGreaterThan(4);
        }
      }
      const input = page.locator('.search-page input[type="search"]');
      await input.fill(value);
      await page.waitForTimeout(800);
      await page.goto(url(`china-united-front/sharp-power/?highlight=${encodeURIComponent(value)}`));
      await page.waitForTimeout(800);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await expect(page.locator('h1').textContent()).resolves.toBe('Sharp power');
    },
  );
});
