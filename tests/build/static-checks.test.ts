// Static gates on the built HTML: valid markup, no third-party hosts, safe outbound links.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import htmlValidateConfig from '../../.htmlvalidate.mjs';
import { siteOrigin } from '../../src/site/config';
import { DIST, htmlFiles, loadPage } from '../support/dist';

const pages = htmlFiles();
const FIRST_PARTY = new URL(siteOrigin()).origin;
const PAGE_BASE = 'http://first-party.invalid/';

/** Is this reference to another host? Relative and root-relative ones, data: and fragments are first-party. */
function isThirdParty(ref: string): boolean {
  const trimmed = ref.trim();
  if (!trimmed || trimmed.startsWith('#') || /^data:/i.test(trimmed)) return false;
  const url = new URL(trimmed, PAGE_BASE);
  if (url.protocol === 'mailto:' || url.protocol === 'tel:') return true;
  return url.origin !== new URL(PAGE_BASE).origin && url.origin !== FIRST_PARTY;
}

function cssUrls(css: string): string[] {
  const urls = [...css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/g)].map((m) => m[2]);
  const imports = [...css.matchAll(/@import\s+(['"])(.*?)\1/g)].map((m) => m[2]);
  return [...urls, ...imports];
}

function cssFiles(dir = DIST): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css'));
}

describe('static checks on the built pages', () => {
  it('passes html-validate (rules in .htmlvalidate.mjs) on every page', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader(htmlValidateConfig));
    const failed = [];
    for (const file of pages) {
      const report = await validator.validateFile(join(DIST, file));
      if (!report.valid) failed.push(...report.results);
    }
    expect(failed.length, formatterFactory('text')(failed)).toBe(0);
  });

  it('references no third-party host in src, href, srcset, action or CSS url() (outbound <a href> aside)', () => {
    const found: string[] = [];
    for (const file of pages) {
      const doc = loadPage(file);
      for (const el of doc.querySelectorAll(
        '[src], [href], [srcset], [action], [formaction], [poster], [data], [style]',
      )) {
        for (const name of ['src', 'href', 'action', 'formaction', 'poster', 'data']) {
          const value = el.getAttribute(name);
          if (value === null) continue;
          if (name === 'href' && el.tagName === 'A') continue;
          if (isThirdParty(value)) found.push(`${file}: <${el.tagName.toLowerCase()} ${name}="${value}">`);
        }
        for (const candidate of (el.getAttribute('srcset') ?? '').split(',')) {
          const ref = candidate.trim().split(/\s+/)[0];
          if (ref && isThirdParty(ref)) found.push(`${file}: srcset ${ref}`);
        }
        for (const ref of cssUrls(el.getAttribute('style') ?? '')) {
          if (isThirdParty(ref)) found.push(`${file}: style url(${ref})`);
        }
      }
      for (const style of doc.querySelectorAll('style')) {
        for (const ref of cssUrls(style.textContent ?? ''))
          if (isThirdParty(ref)) found.push(`${file}: <style> ${ref}`);
      }
      for (const meta of doc.querySelectorAll('meta[http-equiv="refresh" i]')) {
        found.push(`${file}: meta refresh ${meta.getAttribute('content')}`);
      }
    }
    for (const file of cssFiles()) {
      for (const ref of cssUrls(readFileSync(join(DIST, file), 'utf8'))) {
        if (isThirdParty(ref)) found.push(`${file}: url(${ref})`);
      }
    }
    expect(found).toEqual([]);
  });

  it('counts a reference to another host as third-party and the site itself as first-party', () => {
    expect(isThirdParty('https://fonts.googleapis.com/css2?family=Inter')).toBe(true);
    expect(isThirdParty('//cdn.example.com/x.js')).toBe(true);
    expect(isThirdParty('/_astro/a.css')).toBe(false);
    expect(isThirdParty('../a.css')).toBe(false);
    expect(isThirdParty(`${FIRST_PARTY}/search/`)).toBe(false);
    expect(cssUrls(`a{background:url("https://x.example/i.png")} @import 'https://y.example/z.css';`)).toEqual([
      'https://x.example/i.png',
      'https://y.example/z.css',
    ]);
  });

  it('opens outbound links in the same tab, or else with rel="noopener noreferrer"', () => {
    const unsafe: string[] = [];
    for (const file of pages) {
      for (const a of loadPage(file).querySelectorAll('a[target], area[target], form[target]')) {
        const target = a.getAttribute('target');
        if (target === '_self') continue;
        const rel = (a.getAttribute('rel') ?? '').split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) unsafe.push(`${file}: ${a.outerHTML}`);
      }
    }
    expect(unsafe).toEqual([]);
    const outbound = pages.flatMap((file) =>
      [...loadPage(file).querySelectorAll('a[href]')].filter((a) => isThirdParty(a.getAttribute('href')!)),
    );
    expect(outbound.filter((a) => a.hasAttribute('target')).map((a) => a.outerHTML)).toEqual([]);
  });
});
