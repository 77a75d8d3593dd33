// Writes the pages' Content-Security-Policy into dist/_headers after the build. Astro's `security.csp` puts a
// policy in each page's <meta http-equiv>, with the hashes of that page's scripts and styles; the header policy
// is their union plus the directives only a header can carry (frame-ancestors). Browsers enforce both, so each
// page still allows only its own hashes. Astro writes the <meta> at the end of <head>; a <meta> policy governs only
// what follows it, so the build moves it up to just after <meta charset>, ahead of any stylesheet or script.
// Astro lists in every page the hashes of every inline script and style of the whole site; each page's <meta>
// keeps only those of its own (a tighter policy, and some 350 bytes less on every page's first visit).
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEADER_ONLY_DIRECTIVES } from './security-policy.ts';
import { FINISH_AFTER_ASTRO } from './build-env.ts';

const META = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"\s*\/?>/i;
const CHARSET = /<meta charset="utf-8"\s*\/?>/i;

export function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'reader:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        if (process.env[FINISH_AFTER_ASTRO]) return;
        const pages = writeSecurityHeaders(fileURLToPath(dir), base);
        logger.info(`wrote the Content-Security-Policy of ${pages} pages into _headers`);
      },
    },
  };
}

/** Each page's own policy moved up into its <meta>, and their union into `_headers`; returns the number of pages. */
function writeSecurityHeaders(outDir: string, base: string): number {
  const { pages, policies } = movePagePolicies(outDir);
  writeHeadersPolicy(outDir, base, policies);
  return pages;
}

/**
 * Each page's own policy moved up into its <meta>; returns the number of pages and the policies Astro gave them,
 * each once, in the order first met. Each page is replaced whole (written beside it, then renamed over it), so that
 * Pagefind, indexing the pages meanwhile (tools/finish-site.ts), reads every page as it was or as it is, never half
 * written.
 */
export function movePagePolicies(outDir: string): { pages: number; policies: string[] } {
  const policies = new Set<string>();
  const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort();
  for (const file of files) {
    const path = join(outDir, file);
    const html = readFileSync(path, 'utf8');
    const match = META.exec(html);
    if (!match) throw new Error(`${file} has no Content-Security-Policy <meta>`);
    if (!CHARSET.test(html)) throw new Error(`${file} has no <meta charset="utf-8">`);
    const own = ownPolicy(match[1], inlineHashes(html));
    const meta = match[0].replace(match[1], own);
    const written = `${path}.${process.pid}.tmp`;
    writeFileSync(
      written,
      html.replace(match[0], '').replace(CHARSET, (charset) => charset + meta),
    );
    renameSync(written, path);
    // A copy: the matched text is a slice that would keep the whole page in memory (400 MB at 1,000 briefings).
    const policy = match[1].replaceAll('&#39;', "'");
    if (!policies.has(policy)) policies.add(Buffer.from(policy).toString());
  }
  return { pages: files.length, policies: [...policies] };
}

/** The union of the pages' policies (from movePagePolicies) filled into `_headers`, its rules put under the base. */
export function writeHeadersPolicy(outDir: string, base: string, policies: string[]): void {
  const policy = [...mergePolicies(policies), ...HEADER_ONLY_DIRECTIVES].join('; ');
  const headersFile = join(outDir, '_headers');
  const headers = readFileSync(headersFile, 'utf8');
  const line = /^(\s+Content-Security-Policy:).*$/m;
  if (!line.test(headers)) throw new Error('public/_headers has no Content-Security-Policy line to fill in');
  writeFileSync(headersFile, underBase(headers.replace(line, `$1 ${policy}`), base));
}

const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi;

/** The hashes (`'sha256-…'`) of a page's inline scripts and styles, the ones its policy must allow. */
function inlineHashes(html: string): Set<string> {
  const hashes = new Set<string>();
  for (const [, , attributes, text] of html.matchAll(INLINE)) {
    if (/\bsrc=/.test(attributes) || /type="application\/ld\+json"/.test(attributes)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
  }
  return hashes;
}

/** A policy with only the script and style hashes in `hashes` (attribute-escaped, as in the <meta>). */
function ownPolicy(policy: string, hashes: Set<string>): string {
  return policy
    .split(';')
    .map((directive) =>
      /^\s*(script|style)-src\b/.test(directive)
        ? directive
            .split(' ')
            .filter((source) => !/^(&#39;|')sha256-/.test(source) || hashes.has(source.replaceAll('&#39;', "'")))
            .join(' ')
        : directive,
    )
    .join(';');
}

/** The union of several policies, directive by directive, in first-seen order (deterministic for a given build). */
function mergePolicies(policies: string[]): string[] {
  const merged = new Map<string, string[]>();
  for (const policy of policies) {
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (!name) continue;
      const known = merged.get(name) ?? [];
      for (const source of sources) if (!known.includes(source)) known.push(source);
      merged.set(name, known);
    }
  }
  return [...merged].map(([name, sources]) => [name, ...sources].join(' '));
}

/**
 * `_headers` rules written for the site's root (`/*`, `/_astro/*`), moved under the base path the site is
 * deployed at (`/reader/*`): a host matches the rules against the full path.
 */
function underBase(headers: string, base: string): string {
  const root = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  if (root === '/') return headers;
  return headers.replace(/^\/(?!\s)/gm, root);
}
