// `npm run check:deploy -- https://example.org/reader/`: checks a deployed copy of the site as a browser meets it.
// Fetches the home page, every page in the sitemap, the 404 page, the assets and downloads the pages link to and
// Pagefind's files, offering a browser's Accept-Encoding, and reports:
// - a wrong or missing Content-Type (a host guesses types by extension; .ics, .bib, .ris and Pagefind's files
//   are the ones hosts get wrong);
// - text that is sent uncompressed, and Pagefind's WebAssembly stored unzipped (READER_HOST_COMPRESSES_WASM) on a
//   host that does not compress it (138 KB instead of 51 KB: rebuild without that setting);
// - the security headers of _headers missing (a host that does not read _headers, such as GitHub Pages);
// - URLs still on localhost (the site was built without READER_SITE).
// Exits 1 when it found anything. `checkDeploy` is the same check as a function, for the tests.
import { parseHTML } from 'linkedom';
import { pathToFileURL } from 'node:url';

/** What a browser offers (Chromium over HTTPS, less zstd, which Node's fetch cannot decode). */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br';

const EXPECTED_TYPES: [RegExp, RegExp, string][] = [
  [/(\/|\.html)$/, /^text\/html/, 'text/html'],
  [/\.css$/, /^text\/css/, 'text/css'],
  [/\.m?js$/, /^(text|application)\/javascript/, 'text/javascript'],
  [/\.json$/, /^application\/(.+\+)?json/, 'application/json'],
  [/\.xml$/, /^(application|text)\/(.+\+)?xml/, 'application/xml'],
  [/\.svg$/, /^image\/svg\+xml/, 'image/svg+xml'],
  [/\.png$/, /^image\/png/, 'image/png'],
  [/\.txt$/, /^text\/plain/, 'text/plain'],
  [/\.ics$/, /^text\/calendar/, 'text/calendar'],
  [/\.bib$/, /^(application\/x-bibtex|text\/x-bibtex|text\/plain)/, 'application/x-bibtex or text/plain'],
  [
    /\.ris$/,
    /^(application\/x-research-info-systems|text\/plain)/,
    'application/x-research-info-systems or text/plain',
  ],
];
/** Types a host should compress (and does, when it compresses at all). */
const TEXT =
  /^(text\/|application\/(javascript|(.+\+)?json|(.+\+)?xml|x-bibtex|x-research-info-systems)|image\/svg\+xml)/;
/** Files smaller than this are often sent as they are, which is fine. */
const SMALL = 1024;
const REQUIRED_HEADERS: [string, RegExp, string][] = [
  ['content-security-policy', /frame-ancestors 'none'/, "with frame-ancestors 'none'"],
  ['x-content-type-options', /^nosniff$/i, 'nosniff'],
  ['referrer-policy', /./, ''],
];
const LOCAL = /\bhttps?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d+)?(?=[/"'<\s]|$)/g;

export interface DeployCheck {
  checked: number;
  /** Each problem once, with the files it was found on: `<problem> (<url>, and N other files)`. */
  problems: string[];
}

interface Fetched {
  url: string;
  status: number;
  type: string;
  encoding: string | null;
  headers: Headers;
  body: Buffer;
}

export async function checkDeploy(site: string): Promise<DeployCheck> {
  const base = new URL(site.endsWith('/') ? site : `${site}/`);
  const found = new Map<string, string[]>();
  const seen = new Map<string, Promise<Fetched | null>>();
  const report = (url: string, problem: string) => found.set(problem, [...(found.get(problem) ?? []), url]);
  const done = (): DeployCheck => ({
    checked: seen.size,
    problems: [...found].map(
      ([problem, urls]) =>
        `${urls[0]}${urls.length > 1 ? ` (and ${urls.length - 1} other file${urls.length > 2 ? 's' : ''})` : ''}: ${problem}`,
    ),
  });

  const get = (url: string): Promise<Fetched | null> => {
    const known = seen.get(url);
    if (known) return known;
    const fetched = fetch(url, { headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING }, redirect: 'follow' })
      .then(async (response) => ({
        url,
        status: response.status,
        type: response.headers.get('content-type') ?? '',
        encoding: response.headers.get('content-encoding'),
        headers: response.headers,
        body: Buffer.from(await response.arrayBuffer()),
      }))
      .catch((error: Error) => {
        report(url, `could not be fetched: ${error.message}`);
        return null;
      });
    seen.set(url, fetched);
    return fetched;
  };

  const checkFile = (file: Fetched, expectStatus = 200) => {
    if (file.status !== expectStatus) {
      report(file.url, `answered ${file.status}, expected ${expectStatus}`);
      return false;
    }
    const path = new URL(file.url).pathname;
    const expected = EXPECTED_TYPES.find(([pattern]) => pattern.test(path));
    if (!file.type) report(file.url, 'has no Content-Type');
    else if (expected && !expected[1].test(file.type))
      report(file.url, `is sent as ${file.type}, expected ${expected[2]}`);
    if (TEXT.test(file.type) && !file.encoding && file.body.length > SMALL)
      report(
        file.url,
        `is sent uncompressed (${file.type.split(';')[0]}): turn on the host's compression for this type`,
      );
    return true;
  };

  const checkHeaders = (file: Fetched) => {
    for (const [name, pattern, what] of REQUIRED_HEADERS) {
      const value = file.headers.get(name);
      if (!value || !pattern.test(value))
        report(
          file.url,
          `has no ${name} header${what ? ` ${what}` : ''}: the host does not apply _headers (deploy to a host that reads it, or set the header in the host's settings)`,
        );
    }
  };

  const checkLocalUrls = (file: Fetched) => {
    const text = file.body.toString('utf8');
    const local = [...new Set(text.match(LOCAL) ?? [])].filter((origin) => origin !== base.origin);
    if (local.length)
      report(
        file.url,
        `has URLs on ${local.join(', ')}: the site was built without READER_SITE; build with READER_SITE=${base.origin}`,
      );
  };

  // Pages: the home page, every page in the sitemap, and the 404 page.
  const home = await get(base.href);
  if (!home || !checkFile(home)) return done();
  checkHeaders(home);
  checkLocalUrls(home);
  const pages = new Set<string>([base.href]);
  // sitemap.xml is an index of sitemaps (<sitemapindex>); each one it lists holds the pages.
  const onSite = (loc: string) => {
    const url = new URL(loc);
    return new URL(url.pathname + url.search, base.origin).href;
  };
  const locs = (file: { body: Buffer }) =>
    [...file.body.toString('utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc);
  const index = await get(new URL('sitemap.xml', base).href);
  if (index && checkFile(index)) {
    checkLocalUrls(index);
    const isIndex = index.body.toString('utf8').includes('<sitemapindex');
    for (const loc of locs(index)) {
      if (!isIndex) {
        pages.add(onSite(loc));
        continue;
      }
      const sitemap = await get(onSite(loc));
      if (!sitemap || !checkFile(sitemap)) continue;
      checkLocalUrls(sitemap);
      for (const page of locs(sitemap)) pages.add(onSite(page));
    }
  }
  const assets = new Set<string>();
  let bundle: string | null = null;
  for (const pageUrl of pages) {
    const page = await get(pageUrl);
    if (!page || (pageUrl !== home.url && !checkFile(page))) continue;
    if (pageUrl !== home.url) {
      checkHeaders(page);
      checkLocalUrls(page);
    }
    const { document } = parseHTML(page.body.toString('utf8'));
    const refs = [
      ...[...document.querySelectorAll('link[href], a[href]')].map((el) => el.getAttribute('href')!),
      ...[...document.querySelectorAll('script[src], img[src]')].map((el) => el.getAttribute('src')!),
    ];
    for (const ref of refs) {
      const url = new URL(ref, pageUrl);
      url.hash = '';
      if (url.origin !== base.origin || pages.has(url.href) || url.pathname.endsWith('/')) continue;
      assets.add(url.href);
    }
    const found = document.body?.getAttribute('data-pagefind-bundle');
    if (found) bundle = new URL(found, pageUrl).href;
  }
  const missing = await get(new URL(`no-such-page-${Date.now()}/`, base).href);
  if (missing) checkFile(missing, 404);
  for (const asset of [...assets].sort()) {
    const file = await get(asset);
    if (file) {
      checkFile(file);
      if (/\.(xml|json|ics|bib|ris|txt)$/.test(asset)) checkLocalUrls(file);
    }
  }

  // Pagefind: its script, its entry file, the WebAssembly and metadata of each language.
  if (!bundle) report(base.href, 'names no Pagefind bundle (data-pagefind-bundle): search cannot load');
  else {
    for (const name of ['pagefind.js', 'pagefind-entry.json']) {
      const file = await get(new URL(name, bundle).href);
      if (file) checkFile(file);
    }
    const entry = await get(new URL('pagefind-entry.json', bundle).href);
    const languages =
      entry?.status === 200
        ? (JSON.parse(entry.body.toString('utf8')) as { languages: Record<string, { hash: string; wasm: string }> })
            .languages
        : {};
    for (const { hash, wasm } of Object.values(languages)) {
      const meta = await get(new URL(`pagefind.${hash}.pf_meta`, bundle).href);
      if (meta && meta.status !== 200) report(meta.url, `answered ${meta.status}: the search index is incomplete`);
      const file = await get(new URL(`wasm.${wasm}.pagefind`, bundle).href);
      if (!file || file.status !== 200) {
        if (file) report(file.url, `answered ${file.status}: search cannot start`);
        continue;
      }
      const unzipped = file.body.subarray(0, 12).toString('latin1') === 'pagefind_dcd';
      if (unzipped && !file.encoding)
        report(
          file.url,
          `is Pagefind's WebAssembly stored unzipped (READER_HOST_COMPRESSES_WASM) but this host sends it uncompressed (${file.body.length} B${file.type ? ` of ${file.type}` : ''}): rebuild without READER_HOST_COMPRESSES_WASM, or use a host that compresses application/wasm and reads _headers`,
        );
    }
  }
  return done();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const site = process.argv[2];
  if (!site || !/^https?:\/\//.test(site)) {
    console.error('usage: npm run check:deploy -- https://example.org/ (the address the site is deployed at)');
    process.exit(2);
  }
  const { checked, problems } = await checkDeploy(site);
  for (const problem of problems) console.log(problem);
  console.log(
    problems.length
      ? `\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${checked} files checked at ${site}`
      : `ok: ${checked} files checked at ${site}, each with its type, compressed where it should be, headers applied, no localhost URL`,
  );
  process.exitCode = problems.length ? 1 : 0;
}
