// The site's styles as built: one stylesheet that every page links, and that every engine readers use can read.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, htmlFiles, loadPage } from '../support/dist';

const stylesheets = readdirSync(join(DIST, '_astro')).filter((file) => file.endsWith('.css'));

describe('the built styles', () => {
  it('are one stylesheet, linked from every page, with no component’s style inlined', () => {
    expect(stylesheets, 'a single stylesheet in _astro/ (vite.build.cssCodeSplit: false)').toHaveLength(1);
    const href = `/_astro/${stylesheets[0]}`;
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const doc = loadPage(file);
      const links = [...doc.querySelectorAll('link[rel~="stylesheet"]')].map((link) => link.getAttribute('href'));
      if (links.join() !== href) problems.push(`${file} links ${links.join(', ') || 'no stylesheet'}`);
      // An inline <style> would need its own hash in the Content-Security-Policy of the page and of _headers.
      for (const style of doc.querySelectorAll('style')) problems.push(`${file} inlines ${style.textContent}`);
    }
    expect(problems).toEqual([]);
  });

  it('keep every rule in a cascade layer, the layers in the order layers.css gives', () => {
    const declared = /@layer ([^;{]+);/.exec(readFileSync('src/styles/layers.css', 'utf8'))![1].split(/\s*,\s*/);
    // The stylesheet's top-level blocks (minified: no comments, no braces inside its strings), without any
    // `@layer a, b;` statement (the minifier folds it into the blocks).
    const css = readFileSync(join(DIST, '_astro', stylesheets[0]), 'utf8').replace(/@layer [^{};]+;/g, '');
    const blocks: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < css.length; i++) {
      if (css[i] === '{' && depth++ === 0) blocks.push(css.slice(start, i).trim());
      if (css[i] === '}' && --depth === 0) start = i + 1;
    }
    // A rule outside every layer would win over all of them; print.css's @page rules (margins, running heads) are
    // the only blocks outside.
    expect(blocks.filter((prelude) => !/^@layer [a-z]+$/.test(prelude) && !/^@page\b/.test(prelude))).toEqual([]);
    const order = [...new Set(blocks.filter((b) => b.startsWith('@layer')).map((b) => b.slice('@layer '.length)))];
    expect(order).toEqual(declared);
  });

  it('are written for older Safari: light-dark() and media queries in forms Safari 15.4 reads', () => {
    const css = readFileSync(join(DIST, '_astro', stylesheets[0]), 'utf8');
    // light-dark() came in Safari 17.5; the build writes it out as custom-property switches.
    expect(css).not.toContain('light-dark(');
    // The range syntax (width < 40rem) came in Safari 16.4; `not (…)` without a media type is Media Queries 4
    // too, which older parsers do not read either. A query they cannot read drops the rules in it.
    const queries = [...css.matchAll(/@media([^{]+)\{/g)].map((m) => m[1].trim());
    expect(queries.filter((query) => /[<>=]|^not \(/.test(query))).toEqual([]);
    // The dark palette is reached both ways: by the system's preference and by the reader's choice.
    expect(css).toMatch(/@media \(prefers-color-scheme:\s*dark\)/);
    expect(css).toMatch(/:root\[data-theme=['"]?dark['"]?\]/);
  });
});
