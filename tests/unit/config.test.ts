// READER_SITE, the origin every absolute URL is built on: what is accepted, and what a wrong value is told.
import { describe, expect, it } from 'vitest';
import { LOCAL_ORIGIN, siteOrigin, siteWarning } from '../../src/site/config';

describe('READER_SITE', () => {
  it('is the local preview’s origin when unset or empty', () => {
    expect(siteOrigin({})).toBe(LOCAL_ORIGIN);
    expect(siteOrigin({ READER_SITE: '' })).toBe('http://localhost:4321');
    expect(siteOrigin({ READER_SITE: '  ' })).toBe(LOCAL_ORIGIN);
  });

  it('accepts an http(s) origin, with a port or a trailing slash, and gives it without the slash', () => {
    expect(siteOrigin({ READER_SITE: 'https://example.org' })).toBe('https://example.org');
    expect(siteOrigin({ READER_SITE: 'https://example.org/' })).toBe('https://example.org');
    expect(siteOrigin({ READER_SITE: ' http://127.0.0.1:8080 ' })).toBe('http://127.0.0.1:8080');
    expect(siteOrigin({ READER_SITE: 'https://Reader.Example.ORG' })).toBe('https://reader.example.org');
  });

  it('refuses a value without a scheme, naming the variable and giving an example', () => {
    expect(() => siteOrigin({ READER_SITE: 'example.org' })).toThrow(
      'READER_SITE=example.org is not an absolute URL: give the address the site is served from, e.g. READER_SITE=https://example.org',
    );
    expect(() => siteOrigin({ READER_SITE: '//example.org' })).toThrow(
      /^READER_SITE=\/\/example\.org .*e\.g\. READER_SITE=https:\/\/example\.org$/,
    );
  });

  it('refuses another scheme, credentials, a query or a fragment', () => {
    expect(() => siteOrigin({ READER_SITE: 'ftp://example.org' })).toThrow(
      /READER_SITE=ftp:\/\/example.org must start with https:\/\//,
    );
    for (const value of ['https://me:secret@example.org', 'https://example.org/?a=1', 'https://example.org/#top'])
      expect(() => siteOrigin({ READER_SITE: value }), value).toThrow(
        /must be an origin only.*e\.g\. READER_SITE=https:\/\/example\.org/,
      );
  });

  it('refuses a path rather than drop it, and says to put it in READER_BASE', () => {
    expect(() => siteOrigin({ READER_SITE: 'https://example.org/docs' })).toThrow(
      'READER_SITE=https://example.org/docs has a path (/docs), which would be dropped from every URL: set the origin in READER_SITE and the path in READER_BASE, e.g. READER_SITE=https://example.org READER_BASE=/docs/',
    );
    expect(() => siteOrigin({ READER_SITE: 'https://example.org/a/b/' })).toThrow(/READER_BASE=\/a\/b\/$/);
  });

  it('warns a production build when unset, naming the variable, the local origin and what points at it', () => {
    const warning = siteWarning({})!;
    expect(warning).toMatch(/^READER_SITE is not set/);
    for (const affected of ['canonical URLs', 'Open Graph', 'citations', 'sitemap', 'feed', 'calendar'])
      expect(warning).toContain(affected);
    expect(warning).toContain(LOCAL_ORIGIN);
    expect(warning).toContain('READER_SITE=https://example.org npm run build');
    expect(siteWarning({ READER_SITE: 'https://example.org' })).toBeUndefined();
  });
});
