// Set by tools/build.ts for Astro's process: the steps that finish the built site (Pagefind's index, the
// security headers, the offline lists) then skip their `astro:build:done` hooks, and the build script runs them
// itself once Astro has exited (tools/finish-site.ts). A plain `astro build` runs them in its hooks.
export const FINISH_AFTER_ASTRO = 'READER_FINISH_AFTER_ASTRO';
