// The first search's byte budget (issue 7): everything a reader's first search fetches, from the key press
// that opens search to the first results, sized as a static host serves it (brotli 11 for the types hosts
// compress, as stored for the rest). The files are the ones the real search requested; sizes come from dist/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { compressible, contentType, headersFor, parseHeadersFile } from '../../scripts/static-server';
import { describeInBrowser } from '../support/browser';
import { DIST } from '../support/dist';
import { BUDGET, brotliSize, KB } from '../support/page-weight';

describeInBrowser('the first search', ({ newPage, url }) => {
  it(`fetches at most ${BUDGET.firstSearchBrotli / KB} KB for "united front" from a section page`, async () => {
    const page = await newPage();
    await page.goto(url('china-united-front/sharp-power/'), { waitUntil: 'networkidle' });
    const fetched: string[] = [];
    page.on('requestfinished', (request) => fetched.push(new URL(request.url()).pathname));
    await page.keyboard.press('/');
    await page.locator('.search-dialog input[type="search"]').fill('united front');
    await page.locator('.search-dialog .result-link').first().waitFor({ timeout: 10_000 });
    await page.waitForLoadState('networkidle');

    const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
    const sizes = fetched.map((path) => {
      const bytes = readFileSync(join(DIST, path));
      const type = headersFor(rules, path)['content-type'] ?? contentType(path);
      return { path, bytes: compressible(type) ? brotliSize(bytes) : bytes.length };
    });
    const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
    const detail = sizes.map((s) => `  ${s.path} ${s.bytes} B`).join('\n');
    expect(
      fetched.some((path) => path.endsWith('.pf_fragment')),
      detail,
    ).toBe(true);
    expect(total, `${total} B in ${sizes.length} requests:\n${detail}`).toBeLessThanOrEqual(BUDGET.firstSearchBrotli);
  });
});
