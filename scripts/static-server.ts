// A small static file server for dist/, used by the browser tests, screenshots and benchmarks.
// It serves the site under its base path, answers unknown paths with 404.html, and can compress.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
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
   * offer brotli only over HTTPS: see `tls`). Each file is compressed once and kept, as a host's cache would. */
  compress?: boolean;
  /** Serve HTTPS with this key and certificate (PEM) instead of plain HTTP. */
  tls?: { key: string; cert: string };
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
  const compressed = new Map<string, { mtime: number; body: Buffer }>();
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
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
    let body: Buffer = await readFile(file);
    const headers: Record<string, string> = {
      'content-type': contentType(file),
      ...headersFor(rules, '/' + url.pathname.slice(base.length)),
      ...options.headers,
    };
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = !(options.compress && compressible(headers['content-type']))
      ? null
      : /\bbr\b/.test(accepts)
        ? 'br'
        : /\bgzip\b/.test(accepts)
          ? 'gzip'
          : null;
    if (encoding) {
      const key = `${encoding} ${file}`;
      const mtime = (await stat(file)).mtimeMs;
      let cached = compressed.get(key);
      if (cached?.mtime !== mtime) {
        const raw = body;
        cached = {
          mtime,
          body:
            encoding === 'br'
              ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
              : gzipSync(raw, { level: 9 }),
        };
        compressed.set(key, cached);
      }
      body = cached.body;
      headers['content-encoding'] = encoding;
      headers['vary'] = 'accept-encoding';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const server = options.tls ? createHttpsServer(options.tls, handler) : createServer(handler);
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}${base}`,
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
