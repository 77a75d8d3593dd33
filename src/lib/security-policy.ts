// The Content-Security-Policy, in one place. astro.config.mjs hands it to Astro's `security.csp`, which adds
// the hashes of the scripts and styles Astro emits and writes a <meta http-equiv> into every page; the
// security-headers integration then puts the same policy, plus what only a header can carry, into dist/_headers.

/** Directives for every page. Everything comes from the site itself; nothing may embed, post or base elsewhere. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  // Pagefind's Component UI stylesheet draws its search icon as a data: SVG.
  "img-src 'self' data:",
] as const;

/** Scripts: the site's own files and hashed inline scripts; Pagefind compiles its WebAssembly search engine. */
export const SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** Styles: the site's own stylesheets and hashed inline <style> blocks. */
export const STYLE_RESOURCES = ["'self'"];

/**
 * Hashes of `is:inline` scripts, which Astro does not hash itself. Each entry is the sha256 of the script's exact
 * text; tests/build/security.test.ts fails on an inline script the policy does not allow and prints its hash.
 */
export const INLINE_SCRIPT_HASHES: `sha256-${string}`[] = [];

/** Directives a <meta> policy cannot carry (browsers ignore them there), so they go in the headers only. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];
