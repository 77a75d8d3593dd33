// A small static file server for dist/, used by the browser tests, screenshots and benchmarks.
// It serves the site under its base path, answers unknown paths with 404.html, and can compress.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** The content type of a file by its extension (a `_headers` rule may override it). */
export const contentType = (file: string): string => TYPES[extname(file)] ?? 'application/octet-stream';

/** Whether static hosts compress this content type (Cloudflare's and Bunny's lists share these). */
export const compressible = (type: string): boolean =>
  /^(text\/|application\/(javascript|json|ld\+json|manifest\+json|wasm|xml|rss\+xml)|image\/(svg\+xml|x-icon))/.test(
    type,
  );

export interface ServeOptions {
  root: string;
  base?: string;
  port?: number;
  /** Compress responses as a static host would: the types hosts compress (text, scripts, JSON, XML, SVG,
   * WebAssembly; not application/octet-stream), with brotli when the client accepts it, else gzip (browsers
   * offer brotli only over HTTPS, and this server speaks plain HTTP). */
  compress?: boolean;
  headers?: Record<string, string>;
  /** Send the headers a `_headers` file (Netlify/Cloudflare Pages syntax) in the root gives each path, as a host would. */
  headersFile?: boolean;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveDist(options: ServeOptions): Promise<RunningServer> {
  const root = resolve(options.root);
  const base = options.base ?? '/';
  const rules = options.headersFile ? parseHeadersFile(await readFile(join(root, '_headers'), 'utf8')) : [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    let status = 200;
    let file: string | null = null;
    if (pathname.startsWith(base)) {
      pathname = '/' + pathname.slice(base.length);
      const candidate = normalize(join(root, pathname));
      if (candidate.startsWith(root)) file = await existingFile(candidate);
    }
    if (!file) {
      status = 404;
      file = join(root, '404.html');
    }
    let body = await readFile(file);
    const headers: Record<string, string> = {
      'content-type': contentType(file),
      ...headersFor(rules, '/' + url.pathname.slice(base.length)),
      ...options.headers,
    };
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const compress = options.compress && compressible(headers['content-type']);
    if (compress && /\bbr\b/.test(accepts)) {
      body = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      headers['content-encoding'] = 'br';
    } else if (compress && /\bgzip\b/.test(accepts)) {
      body = gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    server,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

async function existingFile(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    if (info.isFile()) return path;
    if (info.isDirectory()) return existingFile(join(path, 'index.html'));
  } catch {
    // not there
  }
  return null;
}

export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

/** Parses a `_headers` file: a path pattern on its own line, then indented `Name: value` lines; `#` comments. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers: a header outside a path, or without a colon: ${line}`);
    rule.headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** The headers of every rule whose pattern (`*` matches anything) matches the path; later rules win. */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    const pattern = new RegExp(`^${rule.pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
    if (pattern.test(path)) Object.assign(headers, rule.headers);
  }
  return headers;
}
