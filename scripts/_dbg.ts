import { chromium } from 'playwright-core';
import { serveDist } from './static-server.ts';
const server = await serveDist({ root: 'dist', compress: true, headersFile: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, h] of [[390, 844], [1280, 800]]) {
  for (const theme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: theme as 'light' });
    page.on('pageerror', (e) => console.log('pageerror', e.message));
    await page.goto(`${server.url}china-united-front/sharp-power/`);
    await page.keyboard.press('/');
    await page.locator('.search-dialog input').fill('united front');
    await page.locator('.search-dialog .result-link').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shot-dialog-${w}-${theme}.png` });
    await page.goto(`${server.url}search/?q=china&person=Alex+Joske`);
    await page.locator('.search-page .result-link').first().waitFor();
    await page.screenshot({ path: `/tmp/shot-page-${w}-${theme}.png`, fullPage: true });
    await page.close();
  }
}
await browser.close(); await server.close();
