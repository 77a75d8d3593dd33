// The steps that finish a built site: Pagefind's index (it appends the WebAssembly's rules to `_headers`) and, beside
// it, the security headers (they rewrite the pages, then fill in `_headers` and move its rules under the base path),
// then the offline lists (they count and hash every file as it is served). A plain `astro build` runs the same steps
// one after the other in the integrations' `astro:build:done` hooks.
// `npm run build` runs them here, after Astro has exited: at the end of a build of 1,000 briefings Astro's process
// still holds some 1.8 GB (its bundle, its module graph, the rendered pages' garbage), which in the hooks stayed
// held while Pagefind's binary took 1 GB more.
import { writeSearchIndex } from '../src/search/pagefind.ts';
import { movePagePolicies, writeHeadersPolicy } from '../src/site/security-headers.ts';
import { writeOffline } from '../src/offline/offline-integration.ts';

/**
 * Finishes the site in `outDir`. `allFiles` settles once every file the pages link is in `outDir`: the offline lists
 * count them all, where Pagefind and the headers read only the pages (`npm run build` moves the social cards in
 * once they are drawn, while Pagefind indexes).
 */
export async function finishSite(
  outDir: string,
  root: string,
  base: string,
  log: (line: string) => void,
  allFiles: Promise<unknown> = Promise.resolve(),
) {
  // Pagefind's indexer and binary run in processes of their own, reading the pages while this one rewrites their
  // <meta> policies, once the indexer has listed them; `_headers` is filled in once Pagefind has added its rules.
  const listed = Promise.withResolvers<void>();
  const indexed = writeSearchIndex(outDir, root, log, listed.resolve);
  await Promise.race([listed.promise, indexed]);
  let policies: { pages: number; policies: string[] };
  try {
    policies = movePagePolicies(outDir);
  } catch (error) {
    indexed.catch(() => {});
    throw error;
  }
  await indexed;
  writeHeadersPolicy(outDir, base, policies.policies);
  log(`wrote the Content-Security-Policy of ${policies.pages} pages into _headers`);
  await allFiles;
  const { briefings, build } = writeOffline(outDir, base);
  log(`wrote the offline file lists of ${briefings} briefings and the service worker of build ${build}`);
}
