// The Content-Security-Policy in the built pages and in dist/_headers (src/site/security-policy.ts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHeadersFile, headersFor } from '../../tools/static-server';
import { DIST, htmlFiles, loadPage } from '../support/dist';

const pages = htmlFiles();

function metaPolicy(doc: Document): Map<string, string[]> {
  const content = doc.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? '';
  return parsePolicy(content);
}

function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('Content-Security-Policy in the built site', () => {
  it.each(pages)('%s carries the policy in a <meta> before any script or stylesheet', (file) => {
    const head = loadPage(file).head;
    const first = head.querySelector(
      'meta[http-equiv="content-security-policy" i], script, style, link[rel~="stylesheet"]',
    );
    expect(first?.getAttribute('http-equiv')?.toLowerCase()).toBe('content-security-policy');
  });

  it.each(pages)('%s allows each of its inline scripts and styles by hash, and has no inline handlers', (file) => {
    const doc = loadPage(file);
    const policy = metaPolicy(doc);
    for (const [directive, fallback, selector] of [
      ['script-src', 'default-src', 'script:not([src])'],
      ['style-src', 'default-src', 'style'],
    ]) {
      const sources = policy.get(directive) ?? policy.get(fallback) ?? [];
      expect(sources).not.toContain("'unsafe-inline'");
      for (const el of doc.querySelectorAll(selector)) {
        if (el.getAttribute('type') === 'application/ld+json') continue;
        const hash = sha256(el.textContent ?? '');
        expect(sources, `add ${hash} for this ${el.tagName.toLowerCase()} to src/site/security-policy.ts`).toContain(
          hash,
        );
      }
    }
    const handlers = [...doc.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes]
        .filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))
        .map((a) => `${el.tagName} ${a.name}`),
    );
    expect(handlers).toEqual([]);
  });

  it.each(pages)('%s is strict: default-src, object-src, base-uri, and no unsafe-eval', (file) => {
    const policy = metaPolicy(loadPage(file));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
    // Browsers ignore frame-ancestors in a <meta> (and say so in the console); it belongs in the headers.
    expect(policy.has('frame-ancestors')).toBe(false);
  });

  it('puts in dist/_headers a policy that allows what every page allows, plus frame-ancestors', () => {
    const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
    const header = parsePolicy(headersFor(rules, '/')['content-security-policy']);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    for (const file of pages) {
      for (const [name, sources] of metaPolicy(loadPage(file))) {
        for (const source of sources) expect(header.get(name), `${file}: ${name} ${source}`).toContain(source);
      }
    }
    for (const sources of header.values()) expect(sources).not.toContain("'unsafe-inline'");
  });

  it('gives hashed assets and the search index a year of caching, and every path the security headers', () => {
    const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
    const css = readFileSync(join(DIST, pages[0]), 'utf8').match(/\/_astro\/[^"]+\.css/)![0];
    for (const path of [css, '/pagefind/index/x.pf_index', '/pagefind/fragment/x.pf_fragment']) {
      expect(headersFor(rules, path)['cache-control'], path).toMatch(/max-age=31536000.*immutable/);
    }
    expect(headersFor(rules, '/pagefind/pagefind-entry.json')['cache-control']).toBeUndefined();
    for (const path of ['/', '/search/', css]) {
      const headers = headersFor(rules, path);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toMatch(/camera=\(\)/);
    }
  });
});
