// Screenshots of the main pages at phone and laptop widths in both themes, and a PDF of the all-in-one page as
// Chromium prints it. Run after a build: `npm run screenshots` writes into screenshots/ (git-ignored);
// `npm run screenshots -- --out /tmp/before` writes elsewhere, so a before and an after can be compared side by
// side; `--root` shoots another built site (e.g. `--root .cache/bench-starlight`, with `--pages starlight`).
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveDist } from './static-server.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'screenshots' },
    root: { type: 'string', default: 'dist' },
    pages: { type: 'string', default: 'reader' },
  },
});
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const OUT = values.out;
const READER_PAGES: Record<string, string> = {
  library: '',
  cover: 'china-united-front/',
  section: 'china-united-front/united-front-work-department/',
  'sharp-power': 'china-united-front/sharp-power/',
  webinar: 'china-united-front/rwchr-event/',
  entity: 'entities/alex-joske/',
  all: 'china-united-front/all/',
  search: 'search/?q=united+front',
};
/** The same sections in the Starlight build of `npm run bench` (tools/bench-starlight.ts). */
const STARLIGHT_PAGES: Record<string, string> = {
  section: 'china-united-front/united-front-work-department/',
  'sharp-power': 'china-united-front/sharp-power/',
  webinar: 'china-united-front/rwchr-event/',
};
const PAGES = values.pages === 'starlight' ? STARLIGHT_PAGES : READER_PAGES;

mkdirSync(OUT, { recursive: true });
const server = await serveDist({ root: values.root });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const theme of ['light', 'dark'] as const) {
    for (const width of [390, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
      await context.addInitScript((t) => localStorage.setItem('theme', t), theme);
      const page = await context.newPage();
      for (const [name, path] of Object.entries(PAGES)) {
        await page.goto(server.url + path);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: `${OUT}/${name}-${width}-${theme}.png`, fullPage: true });
      }
      await context.close();
    }
  }
  if (PAGES.all) {
    const page = await browser.newPage();
    await page.goto(server.url + PAGES.all);
    // As a reader's "Print" does: the page's own @page rules (size, margins, running heads) apply.
    await page.pdf({ path: `${OUT}/all.pdf`, preferCSSPageSize: true, format: 'A4', printBackground: true });
  }
  console.log(`wrote ${OUT}/`);
} finally {
  await browser.close();
  await server.close();
}
