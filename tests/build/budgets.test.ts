// Byte budgets: what a first visit costs, computed from the built HTML (tests/support/page-weight.ts).
// Timings are never tested here; they live in `npm run bench`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, htmlFiles, sectionFile, SECTION_SLUGS } from '../support/dist';
import { BUDGET, KB, pageWeight } from '../support/page-weight';

/** Every page a reader reads; /search/ loads the search code by design and is measured by `npm run bench`. */
const readingPages = htmlFiles().filter((file) => file !== 'search/index.html');

function describeWeight(file: string) {
  const weight = pageWeight(file, DIST);
  const lines = weight.resources.map((r) => `  ${r.url} ${r.type} ${r.raw} B raw, ${r.brotli} B brotli`);
  return { weight, detail: `${file}: ${weight.brotli} B brotli in ${weight.requests} requests\n${lines.join('\n')}` };
}

describe('byte budgets', () => {
  it.each(SECTION_SLUGS)(
    `section %s loads at most ${BUDGET.firstVisitBrotli / KB} KB (brotli) on a first visit`,
    (slug) => {
      const { weight, detail } = describeWeight(sectionFile(slug));
      expect(weight.brotli, detail).toBeLessThanOrEqual(BUDGET.firstVisitBrotli);
    },
  );

  it.each(SECTION_SLUGS)(`section %s needs at most ${BUDGET.requests} requests on a first visit`, (slug) => {
    const { weight, detail } = describeWeight(sectionFile(slug));
    expect(weight.requests, detail).toBeLessThanOrEqual(BUDGET.requests);
  });

  it.each(readingPages)(`%s runs at most ${BUDGET.scriptOnLoad / KB} KB of JavaScript on load`, (file) => {
    const { weight, detail } = describeWeight(file);
    expect(weight.scriptOnLoad, detail).toBeLessThanOrEqual(BUDGET.scriptOnLoad);
  });
});

describe('page weight', () => {
  it('follows stylesheets, their @imports and fonts, scripts, preloads and eager images, once each', () => {
    const root = mkdtempSync(join(tmpdir(), 'reader-weight-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    try {
      write(
        'a/index.html',
        `<!doctype html><link rel="stylesheet" href="/s.css"><link rel="stylesheet" href="../s.css">
        <link rel="preload" href="/f.woff2" as="font"><script>let a = 1;</script><script src="/x.js"></script>
        <script type="application/ld+json">{"not":"run"}</script><img src="/i.png"><img src="/lazy.png" loading="lazy">`,
      );
      write('s.css', `@import "t.css"; @font-face { src: url(/f.woff2) } body { background: url(/bg.png) }`);
      write('t.css', `@font-face { src: url("g.woff2") format("woff2") }`);
      for (const file of ['f.woff2', 'g.woff2', 'i.png', 'lazy.png', 'bg.png']) write(file, 'x'.repeat(100));
      write('x.js', 'console.log(1);');
      const weight = pageWeight('a/index.html', root);
      expect(weight.resources.map((r) => `${r.url} ${r.type}`).sort()).toEqual(
        ['/a/ html', '/s.css css', '/t.css css', '/f.woff2 font', '/g.woff2 font', '/x.js js', '/i.png image'].sort(),
      );
      expect(weight.requests).toBe(7);
      expect(weight.scriptOnLoad).toBe('let a = 1;'.length + 'console.log(1);'.length);
      expect(weight.brotli).toBe(weight.resources.reduce((sum, r) => sum + r.brotli, 0));
      write('a/index.html', '<!doctype html><script src="https://cdn.example.com/x.js"></script>');
      expect(() => pageWeight('a/index.html', root)).toThrow(/another host/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
