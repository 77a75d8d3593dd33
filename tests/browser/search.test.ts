import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser';

describeInBrowser('search', ({ newPage, url }) => {
  it('finds "united front" from the header, first result the UFWD section, and a sub-result lands on its heading', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url('china-united-front/sharp-power/'));
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('united front');
    await page.getByRole('searchbox', { name: 'Search the library' }).press('Enter');
    await page.waitForURL(/\/search\/\?q=united\+front$/);
    const first = page.locator('pagefind-results .pf-result').first();
    await expect(first.locator('.pf-result-link').textContent({ timeout: 10_000 })).resolves.toBe('The United Front Work Department');
    const sub = first.locator('.pf-heading-link').first();
    const href = await sub.getAttribute('href');
    expect(href).toMatch(/^\/china-united-front\/united-front-work-department\/#[a-z0-9-]+$/);
    await sub.click();
    await page.waitForURL(/united-front-work-department\/#/);
    const id = href!.split('#')[1];
    const box = await page.locator(`[id="${id}"]`).boundingBox();
    expect(box!.y).toBeGreaterThan(0);
    expect(box!.y).toBeLessThan(800);
  });

  it('shows results for /search/?q=sharp+power without typing', async () => {
    const page = await newPage();
    await page.goto(url('search/?q=sharp+power'));
    const titles = page.locator('pagefind-results .pf-result-link');
    await titles.first().waitFor({ timeout: 10_000 });
    expect(await titles.first().textContent()).toBe('Sharp power');
    expect(await page.locator('pagefind-input input').inputValue()).toBe('sharp power');
  });

  it('explains, without JavaScript, how to search and links to the all-in-one page', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(url('search/?q=sharp+power'));
    await expect(page.locator('main').textContent()).resolves.toContain('needs JavaScript');
    expect(await page.locator('main a[href$="/all/"]').count()).toBeGreaterThan(0);
  });
});
