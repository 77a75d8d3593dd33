// The Content-Security-Policy, in one place. astro.config.mjs hands it to Astro's `security.csp`, which adds
// the hashes of the scripts and styles Astro emits and writes a <meta http-equiv> into every page; the
// security-headers integration then puts the same policy, plus what only a header can carry, into dist/_headers.

import { createHash } from 'node:crypto';
import { THEME_INIT_SCRIPT } from './theme-init.ts';

/** Directives for every page. Everything comes from the site itself; nothing may embed, post or base elsewhere. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  // The offline reading service worker (sw.js), the site's own; no other worker.
  "worker-src 'self'",
] as const;

/** Scripts: the site's own files and hashed inline scripts; Pagefind compiles its WebAssembly search engine. */
export const SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** Styles: the site's own stylesheets and hashed inline <style> blocks. */
export const STYLE_RESOURCES = ["'self'"];

const sha256 = (text: string): `sha256-${string}` => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/**
 * Hashes of `is:inline` scripts, which Astro does not hash itself, computed from their source so they never go
 * stale; tests/build/security.test.ts fails on any inline script the policy does not allow.
 */
export const INLINE_SCRIPT_HASHES: `sha256-${string}`[] = [sha256(THEME_INIT_SCRIPT)];

/** Directives a <meta> policy cannot carry (browsers ignore them there), so they go in the headers only. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];
