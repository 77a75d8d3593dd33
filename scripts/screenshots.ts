// Screenshots of the main pages at phone and laptop widths in both themes, and a PDF of the
// all-in-one page as Chromium prints it, into screenshots/ (git-ignored). Run after a build.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serveDist } from './static-server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const OUT = 'screenshots';
const PAGES = {
  library: '',
  cover: 'china-united-front/',
  section: 'china-united-front/rwchr-event/',
  all: 'china-united-front/all/',
  search: 'search/?q=united+front',
};

mkdirSync(OUT, { recursive: true });
const server = await serveDist({ root: 'dist' });
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
  const page = await browser.newPage();
  await page.goto(server.url + PAGES.all);
  await page.pdf({ path: `${OUT}/all.pdf`, format: 'A4', printBackground: true });
  console.log(`wrote ${OUT}/`);
} finally {
  await browser.close();
  await server.close();
}
