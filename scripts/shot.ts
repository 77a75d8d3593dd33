import { chromium } from 'playwright-core';
import { serveDist } from './static-server.ts';
const srv = await serveDist({ root: 'dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [name, path, width] of process.argv.slice(2).map((s) => s.split(','))) {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  await page.goto(srv.url + path);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
}
await browser.close();
await srv.close();
