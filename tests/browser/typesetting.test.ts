// The page as a reader sees it, measured in the browser: names marked without disturbing the line, one measure,
// a visible place in the outline, a phone header that fits, and targets a finger can hit. Each test loads as few
// pages as it can and measures several things on each (print is in accessibility.test.ts, with the other print
// checks).
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser';

/** Widths depend on the faces: on Linux the site's stack sets the text in Noto Serif (.ci/run installs it). */
const FACES = 'characters a line, in the faces of tokens.css (on Debian: apt-get install fonts-noto-core)';

interface Line {
  /** The line's baseline-ish position: the bottom of its characters' boxes, page coordinates. */
  bottom: number;
  chars: number;
}
interface ParagraphLines {
  id: string;
  hasMention: boolean;
  lineHeight: number;
  lines: Line[];
}

/**
 * Every text paragraph of the reading column, cut into its rendered lines by the boxes of its characters
 * (Range.getClientRects), leaving out footnote numerals and ¶ numbers, which are not the text.
 */
function textLines(page: Page): Promise<ParagraphLines[]> {
  return page.evaluate(() => {
    const out: ParagraphLines[] = [];
    const paragraphs = document.querySelectorAll<HTMLElement>(
      '.prose > p, .prose blockquote > p, .prose > ul > li, .prose > ol > li',
    );
    for (const p of paragraphs) {
      const bottoms: number[] = [];
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement!.closest('sup, .para-link')) continue;
        const text = node.textContent!;
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (rect && rect.width > 0) bottoms.push(rect.bottom + scrollY);
        }
      }
      const lines: Line[] = [];
      for (const bottom of bottoms) {
        const line = lines.find((l) => Math.abs(l.bottom - bottom) < 3);
        if (line) line.chars += 1;
        else lines.push({ bottom, chars: 1 });
      }
      lines.sort((a, b) => a.bottom - b.bottom);
      out.push({
        id: p.id,
        hasMention: p.querySelector('.mention') !== null,
        lineHeight: parseFloat(getComputedStyle(p).lineHeight),
        lines,
      });
    }
    return out;
  });
}

/** Characters a line in the paragraphs' full lines (not a paragraph's last), with their mean. */
function measure(paragraphs: ParagraphLines[]): { mean: number; longest: number; lines: number } {
  const full = paragraphs.flatMap((p) => p.lines.slice(0, -1).map((l) => l.chars));
  return { mean: full.reduce((a, b) => a + b, 0) / full.length, longest: Math.max(...full), lines: full.length };
}

/**
 * Interactive elements smaller than 24 × 24 px (WCAG 2.2 SC 2.5.8), by size alone: an element passes when its
 * box is that large, or when a 24 px square centred on it is all its own to a pointer (a hit area drawn larger
 * than the box, as the footnote numerals have). Links inside a sentence fall under the SC's inline exception,
 * except footnote numerals, which are held to the size.
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} “${(
        el.getAttribute('aria-label') ??
        el.textContent ??
        ''
      )
        .trim()
        .slice(0, 30)}”`;
    const inSentence = (el: Element) => {
      if (el.tagName !== 'A' || el.closest('sup')) return false;
      const block = el.parentElement!.closest('p, li, dd');
      if (!block) return false;
      const own = (el.textContent ?? '').length;
      return (block.textContent ?? '').replace(/\s+/g, ' ').trim().length > own + 20;
    };
    const failures: string[] = [];
    const targets = document.querySelectorAll<HTMLElement>(
      'a[href], button, select, input, summary, [tabindex]:not([tabindex="-1"])',
    );
    // A name's pointer target is the name itself (the label around its button), line by line when it wraps.
    for (const mention of document.querySelectorAll('.mention')) {
      const small = [...mention.getClientRects()].filter((r) => r.height < 24 - 0.5 || r.width < 8);
      if (small.length)
        failures.push(
          `${describe(mention)}: a line of it ${small[0].width.toFixed(1)} × ${small[0].height.toFixed(1)} px`,
        );
    }
    for (const el of targets) {
      if (el.classList.contains('mention__open')) continue;
      if (el.getClientRects().length === 0 || el.closest('[hidden], [popover]:not(:popover-open)')) continue;
      if (getComputedStyle(el).visibility === 'hidden' || inSentence(el)) continue;
      let box = el.getBoundingClientRect();
      if (box.width >= 24 - 0.5 && box.height >= 24 - 0.5) continue;
      el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      box = el.getBoundingClientRect();
      const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
      const square = [-11.5, 0, 11.5].flatMap((dx) => [-11.5, 0, 11.5].map((dy) => [cx + dx, cy + dy]));
      const own = square.every(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return hit !== null && (hit === el || el.contains(hit));
      });
      if (!own) failures.push(`${describe(el)}: ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`);
    }
    return failures;
  });
}

describeInBrowser('typesetting', ({ newPage, url }) => {
  it('sets entity names without a gap before their punctuation, in lines as tall as any other, at 60–72 characters a line', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url('china-united-front/all/'));

    // The last letter of a name and the punctuation or "’s" that follows it touch, as in the source.
    const gaps = await page.evaluate(() =>
      [...document.querySelectorAll('.prose .mention')].flatMap((mention) => {
        // The name's last letter, and the first character of text after the name, whatever lies between.
        const words = document.createTreeWalker(mention, NodeFilter.SHOW_TEXT).lastChild();
        const after = document.createTreeWalker(mention.closest('p, li, blockquote')!, NodeFilter.SHOW_TEXT);
        after.currentNode = words!;
        let next = after.nextNode();
        while (next && !next.textContent) next = after.nextNode();
        if (!words || !next || !/^[^\s]/.test(next.textContent!)) return [];
        const box = (node: Node, at: number) => {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          return range.getClientRects()[0];
        };
        const last = box(words, words.textContent!.length - 1);
        const first = box(next, 0);
        if (Math.abs(last.bottom - first.bottom) > 3) return []; // a line break in between
        return [{ text: `${words.textContent}${next.textContent!.slice(0, 2)}`, gap: first.left - last.right }];
      }),
    );
    expect(gaps.length, 'names followed by punctuation').toBeGreaterThan(8);
    expect(gaps.filter((g) => Math.abs(g.gap) > 1)).toEqual([]);

    // Every line of a paragraph is one line-height below the last, with names (and footnote numerals) or not.
    const paragraphs = await textLines(page);
    expect(paragraphs.filter((p) => p.hasMention && p.lines.length > 2).length).toBeGreaterThan(5);
    expect(paragraphs.filter((p) => !p.hasMention && p.lines.length > 2).length).toBeGreaterThan(1);
    const uneven = paragraphs.flatMap((p) =>
      p.lines.slice(1).flatMap((line, i) => {
        const pitch = line.bottom - p.lines[i].bottom;
        return Math.abs(pitch - p.lineHeight) > 1 ? [`${p.id} line ${i + 2}: ${pitch.toFixed(1)} px`] : [];
      }),
    );
    expect(uneven).toEqual([]);

    // The measure on a laptop (a tablet's is checked on a section page below).
    const desktop = measure(paragraphs);
    expect(desktop.lines).toBeGreaterThan(60);
    expect(desktop.mean, FACES).toBeGreaterThanOrEqual(60);
    expect(desktop.mean, FACES).toBeLessThanOrEqual(72);
    expect(desktop.longest).toBeLessThanOrEqual(76);
  });

  it('gives each named entity one Tab stop, lines up the reading column at one measure, and marks the heading being read', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url('china-united-front/sharp-power/'));

    // From the outline into the text and on to the pager, by keyboard: which entity, if any, each stop belongs to.
    await page.locator('.outline a').last().focus();
    const stops: (string | null)[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement!;
        if (el.closest('.pager')) return 'pager';
        const card = el.getAttribute('popovertarget')?.replace(/^entity-card-/, '');
        return el.closest('[data-entity]')?.getAttribute('data-entity') ?? card ?? null;
      });
      if (stop === 'pager') break;
      stops.push(stop);
    }
    const mentions = await page
      .locator('article .prose [data-entity]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-entity')));
    expect(mentions.length).toBe(10);
    expect(stops.filter((s) => s !== null)).toEqual(mentions);

    // Summary, text, notes, pager, source and citation share the column's two edges, on a laptop and a tablet.
    const edges = () =>
      page.evaluate(() =>
        ['.section-header__description', '.prose > p', '.prose .footnotes', '.pager', '.attribution', '.cite-this'].map(
          (selector) => {
            const box = document.querySelector(selector)!.getBoundingClientRect();
            return { selector, left: Math.round(box.left), right: Math.round(box.right) };
          },
        ),
      );
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 800 });
      const column = await edges();
      for (const edge of column)
        expect(edge, `${edge.selector} at ${width} px`).toMatchObject({ left: column[1].left, right: column[1].right });
    }
    // On a tablet, where the text has the whole width it can take, the measure is the same as on a laptop.
    const tablet = measure(await textLines(page));
    expect(tablet.mean, FACES).toBeGreaterThanOrEqual(60);
    expect(tablet.mean, FACES).toBeLessThanOrEqual(72);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Scrolled to the second heading, the outline marks it, bold and with a bar, and the first no longer.
    await page.locator('#period-of-experimentation').evaluate((el) => el.scrollIntoView({ behavior: 'instant' }));
    const current = page.locator('.outline [aria-current="location"]');
    await expect.poll(() => current.getAttribute('href')).toBe('#period-of-experimentation');
    const styles = await page.locator('.outline a').evaluateAll((links) =>
      links.map((a) => ({
        current: a.hasAttribute('aria-current'),
        weight: Number(getComputedStyle(a).fontWeight),
        bar: parseFloat(getComputedStyle(a, '::before').width) || 0,
      })),
    );
    const [marked, other] = [styles.find((s) => s.current)!, styles.find((s) => !s.current)!];
    expect(marked.weight).toBeGreaterThan(other.weight);
    expect(marked.bar).toBeGreaterThanOrEqual(2);
    expect(other.bar).toBe(0);
  });

  it('fits the phone header and breadcrumb on one line each, and keeps the heading being read in a bar under it', async () => {
    const page = await newPage({ viewport: { width: 390, height: 800 }, reducedMotion: 'reduce' });
    await page.goto(url('china-united-front/joske-recommendations/'));
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    expect((await box('.site-header')).height).toBeLessThanOrEqual(57);
    expect((await box('.breadcrumbs')).height).toBeLessThanOrEqual(32);
    expect(await page.getByRole('combobox', { name: 'Theme' }).locator('option').count()).toBe(3);

    const bar = page.locator('.outline__title');
    await expect
      .poll(() => page.locator('[data-outline-current]').textContent())
      .toBe('Co-opting groups to claim legitimacy');
    await page.locator('#responses').evaluate((el) => el.scrollIntoView({ behavior: 'instant' }));
    await expect
      .poll(() => page.locator('[data-outline-current]').textContent())
      .toBe('Responding to united front work');
    const [header, stuck] = [await box('.site-header'), await bar.boundingBox()];
    expect(stuck!.y).toBeCloseTo(header.y + header.height, 0);

    // The bar opens the outline over the text; a link closes it and leaves its heading below the bar.
    await bar.click();
    await page.locator('.outline a[href="#united-front-system"]').click();
    await expect.poll(() => page.locator('.outline__details').getAttribute('open')).toBeNull();
    await expect
      .poll(async () => (await box('#united-front-system')).y)
      .toBeGreaterThanOrEqual((await bar.boundingBox())!.y + (await bar.boundingBox())!.height);
  });

  it('makes every control at least 24 × 24 px, on a phone and a laptop, in the text and the programme', async () => {
    const page = await newPage({ viewport: { width: 390, height: 800 }, reducedMotion: 'reduce' });
    await page.goto(url('china-united-front/united-front-work-department/'));
    expect(await smallTargets(page), 'at 390 px').toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await smallTargets(page), 'at 1280 px').toEqual([]);
    await page.goto(url('china-united-front/rwchr-event/'));
    expect(await smallTargets(page), 'the programme at 1280 px').toEqual([]);
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await smallTargets(page), 'the programme at 390 px').toEqual([]);
  });
});
