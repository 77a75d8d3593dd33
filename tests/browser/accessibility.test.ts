// WCAG 2.2 AA in a real browser: axe on one page of each template in both themes (every page's HTML is checked
// statically in tests/build/accessibility.test.ts), the keyboard path through a
// page, the theme before first paint, layouts from 320 px to 1920 px, motion and print.
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser';
import { pagesByTemplate } from '../support/dist';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const pathOf = (file: string) => file.replace(/index\.html$/, '');
const PAGES = pagesByTemplate().map(pathOf);

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
  }, TAGS);
  return violations;
}

describeInBrowser('accessibility', ({ newPage, url, withPage }) => {
  /** A context whose reader has chosen `theme` (as the system prefers too), where axe can be added to the page. */
  const axeContext = (theme: 'light' | 'dark') => ({
    colorScheme: theme,
    storageState: {
      cookies: [],
      origins: [{ origin: new URL(url()).origin, localStorage: [{ name: 'theme', value: theme }] }],
    },
    bypassCSP: true,
    reducedMotion: 'reduce' as const,
  });
  for (const theme of ['light', 'dark'] as const) {
    it.each(PAGES)(`axe finds nothing on /%s in the ${theme} theme`, async (path) => {
      // bypassCSP lets the test inject axe; the pages' own policy is tested in security.test.ts.
      await withPage(axeContext(theme), async (page) => {
        await page.goto(url(path));
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        expect(await axeViolations(page)).toEqual([]);
      });
    });
    it(`axe finds nothing in search with results, in the ${theme} theme: the dialog, and /search/ with its filters`, async () => {
      await withPage(axeContext(theme), async (page) => {
        await page.goto(url('china-united-front/sharp-power/'));
        await page.keyboard.press('/');
        await page.locator('.search-dialog input[type="search"]').fill('united front');
        await page.locator('.search-dialog .result-link').first().waitFor({ timeout: 10_000 });
        expect(await axeViolations(page)).toEqual([]);
        await page.goto(url('search/?q=china&person=Alex+Joske'));
        await page.locator('.search-page .result-link').first().waitFor({ timeout: 10_000 });
        expect(await page.locator('.search-filters').getAttribute('open')).not.toBeNull();
        expect(await axeViolations(page)).toEqual([]);
      });
    });
  }

  it('applies a stored dark choice before the body is parsed, by a script ahead of every stylesheet', async () => {
    const page = await newPage({ colorScheme: 'light' });
    await page.addInitScript(() => {
      localStorage.setItem('theme', 'dark');
      const seen = new MutationObserver(() => {
        if (!document.body) return;
        (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset.theme;
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    await page.goto(url('china-united-front/sharp-power/'));
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('dark');
    const order = await page.evaluate(() =>
      [...document.head.children].map((el) => el.tagName + (el.getAttribute('rel') === 'stylesheet' ? ':css' : '')),
    );
    const firstScript = order.indexOf('SCRIPT');
    const firstStyle = order.findIndex((t) => t === 'STYLE' || t === 'LINK:css');
    expect(firstScript).toBeGreaterThanOrEqual(0);
    expect(firstScript).toBeLessThan(firstStyle);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 23, 26)');
  });

  it('follows the system’s light or dark until the reader chooses, then the choice, for the page and its controls', async () => {
    const page = await newPage({ colorScheme: 'light' });
    await page.goto(url('china-united-front/sharp-power/'));
    const PALETTE = { light: 'rgb(253, 252, 249) rgb(29, 28, 26)', dark: 'rgb(22, 23, 26) rgb(232, 230, 225)' };
    for (const system of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: system });
      for (const choice of [undefined, 'light', 'dark'] as const) {
        const look = await page.evaluate((theme) => {
          const root = document.documentElement;
          if (theme) root.dataset.theme = theme;
          else delete root.dataset.theme;
          const body = getComputedStyle(document.body);
          // The scheme the browser draws its own controls (the theme select, scrollbars) in.
          return { palette: `${body.backgroundColor} ${body.color}`, scheme: getComputedStyle(root).colorScheme };
        }, choice);
        expect(look, `a ${system} system, ${choice ? `${choice} chosen` : 'no choice'}`).toEqual({
          palette: PALETTE[choice ?? system],
          scheme: choice ?? 'light dark',
        });
      }
    }
  });

  it('switches theme by keyboard, announces it as a labelled select, and remembers it', async () => {
    const page = await newPage({ colorScheme: 'light' });
    await page.goto(url('china-united-front/'));
    const select = page.getByRole('combobox', { name: 'Theme' });
    await select.focus();
    await select.selectOption('dark'); // what ArrowDown/Enter do on a focused native select
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await select.inputValue()).toBe('dark');
    await select.selectOption('system');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
  });

  it('puts the skip link first, then the header controls, then the content; the skip link moves focus into main', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('china-united-front/sharp-power/'));
      const focused = async () =>
        page.evaluate(() => {
          const el = document.activeElement!;
          return `${el.closest('header, main, footer')?.tagName ?? 'BODY'}:${el.getAttribute('class') ?? el.tagName}`;
        });
      const stops: string[] = [];
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('Tab');
        stops.push(await focused());
      }
      expect(stops[0]).toBe('BODY:skip-link');
      expect(stops.slice(1, 4)).toEqual(['HEADER:site-name', 'HEADER:search-trigger', 'HEADER:SELECT']);
      expect(stops[4]).toMatch(/^MAIN:/);
      await page.reload();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.keyboard.press('Tab');
      expect(await focused()).toMatch(/^MAIN:/);
    });
  });

  it('moves focus to the heading an outline link points at', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url('china-united-front/joske-recommendations/'));
    const link = page.locator('.outline a[href="#responses"]');
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('responses');
  });

  it('marks the current section in navigation and the heading being read in the outline', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 700 }, reducedMotion: 'reduce' });
    await page.goto(url('china-united-front/joske-recommendations/#responses'));
    expect(await page.locator('.briefing-contents [aria-current="page"]').textContent()).toContain('Joske');
    await expect.poll(() => page.locator('.outline [aria-current]').getAttribute('href')).toBe('#responses');
  });

  it('moves between sections with ← and →, but not while typing or with a modifier', async () => {
    await withPage({}, async (page) => {
      await page.goto(url('china-united-front/sharp-power/'));
      await page.keyboard.press('Alt+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      expect(page.url()).toMatch(/sharp-power\/$/);
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/joske-recommendations\/$/);
      await page.keyboard.press('ArrowLeft');
      await page.waitForURL(/sharp-power\/$/);
      await page.keyboard.press('/');
      const input = page.locator('.search-dialog input[type="search"]');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill('power');
      await input.press('ArrowLeft');
      await page.waitForTimeout(300);
      expect(page.url()).toMatch(/sharp-power\/$/);
    });
  });

  for (const width of [320, 390, 768, 1280, 1920]) {
    it(`never scrolls sideways at ${width} px`, async () => {
      const page = await newPage({ viewport: { width, height: 900 } });
      for (const path of [
        '',
        'china-united-front/',
        'china-united-front/rwchr-event/',
        'china-united-front/all/',
        'search/?q=united+front',
        'entities/',
      ]) {
        await page.goto(url(path));
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `/${path}`).toBeLessThanOrEqual(0);
      }
    });
  }

  it('scrolls smoothly only when the reader has not asked for reduced motion', async () => {
    const smooth = await newPage({ reducedMotion: 'no-preference' });
    await smooth.goto(url(''));
    expect(await smooth.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
    const still = await newPage({ reducedMotion: 'reduce' });
    await still.goto(url(''));
    expect(await still.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
  });

  it('prints the all-in-one page as a report: a cover with the contents, a section to a page, running heads, no controls', async () => {
    const page = await newPage({ colorScheme: 'dark' });
    await page.goto(url('china-united-front/all/'));
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.site-header', '.site-footer', '.breadcrumbs', '.all-section__link', '.para-link', '.mention__open'].map(
        (s) => getComputedStyle(document.querySelector(s)!).display,
      ),
    );
    expect(hidden).toEqual(['none', 'none', 'none', 'none', 'none', 'none']);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.locator('.all-cover__url').textContent()).toContain('Printed from http');

    // The PDF as Chromium prints it (the page's own @page rules), read back as text.
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(await page.pdf({ preferCSSPageSize: true })));
    const { totalPages, text: pages } = await extractText(pdf, { mergePages: false });
    const sections = await page.locator('.all-section__title').allTextContents();
    const title = (await page.locator('h1').textContent())!.trim();
    const lines = (text: string) => text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
    const squeeze = (text: string) => text.replace(/\s+/g, ' ');

    // Page 1 is the cover: title, summary, source, date, the contents, and none of the text yet.
    expect(squeeze(pages[0])).toContain(squeeze(title));
    for (const words of ['Editor’s summary', 'Source:', 'Date:', 'Contents'])
      expect(pages[0].toLowerCase()).toContain(words.toLowerCase());
    for (const section of sections) expect(squeeze(pages[0])).toContain(section.replace(/^\d+\.\s*/, ''));
    expect(pages[0]).not.toContain('China is making fresh efforts');
    // Each section starts a page; every page after the cover carries the title and its number.
    expect(totalPages).toBeGreaterThanOrEqual(1 + sections.length);
    expect(totalPages).toBeLessThanOrEqual(14);
    for (const section of sections)
      expect(
        pages.some((p) => lines(p).slice(0, 3).includes(squeeze(section).trim())),
        section,
      ).toBe(true);
    pages.slice(1).forEach((p, i) => {
      expect(lines(p), `page ${i + 2}`).toContain(squeeze(title));
      expect(lines(p), `page ${i + 2}`).toContain(`${i + 2} / ${totalPages}`);
    });
    // A quotation or a panel of the programme is never split across pages: its first and last words share one.
    const blocks = await page
      .locator('.all-section .quote blockquote, .all-section .panel')
      .evaluateAll((els) => els.map((el) => el.textContent!.replace(/\s+/g, ' ').trim()));
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) {
      const [head, tail] = [block.split(' ').slice(0, 6).join(' '), block.split(' ').slice(-4).join(' ')];
      const at = pages.findIndex((p) => squeeze(p).includes(head));
      expect(at, head).toBeGreaterThan(0);
      expect(squeeze(pages[at]), `${head} … ${tail}`).toContain(tail);
    }
    // Names and their punctuation as the source sets them; no controls or back-links on paper.
    const all = pages.join('\n');
    expect(all).toContain('The Wall Street Journal’s Kate O’Keefe reports:');
    expect([...all.matchAll(/\S+\s+[,.;:’”)](?!\S*\d)/g)].map((m) => m[0])).toEqual([]);
    expect([...all.matchAll(/\S+ {2,}\S+/g)].map((m) => m[0])).toEqual([]);
    for (const control of ['↩', 'Bibliography entry', 'Open “', 'Copy citation', 'Every mention of'])
      expect(all).not.toContain(control);
  });
});
