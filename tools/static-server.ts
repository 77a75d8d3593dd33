// A small static file server for dist/, used by the browser tests, screenshots and benchmarks.
// It serves the site under its base path, answers unknown paths with 404.html, and can compress.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { lookup } from 'mrmime';

/** The types a static host sends for the files this site emits, where mrmime's list has none or another. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** The content type of a file by its extension (a `_headers` rule may override it); a folder is its index.html. */
export const contentType = (file: string): string => {
  const ext = extname(file.endsWith('/') ? 'index.html' : file) || '.html';
  return TYPES[ext] ?? lookup(ext) ?? 'application/octet-stream';
};

/** Whether static hosts compress this content type (Cloudflare's and Bunny's lists share these). */
export const compressible = (type: string): boolean =>
  /^(text\/|application\/(javascript|json|ld\+json|manifest\+json|wasm|xml|rss\+xml|x-bibtex|x-research-info-systems)|image\/(svg\+xml|x-icon))/.test(
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

/** Compressed bodies by encoding and content, shared by every server (tests serve copies of one site). */
const compressed = new Map<string, Buffer>();

/**
 * Serves a built site as a static host does. sirv finds and sends the files (index.html for a folder, HEAD,
 * ranges, ETags); this layer adds what a host adds: the site under its base path, the 404 page for any other
 * address, a 400 for an address that is not valid URL encoding, each file's type, the `_headers` rules, and
 * compression of the types hosts compress.
 */
export async function serveDist(options: ServeOptions): Promise<RunningServer> {
  const root = resolve(options.root);
  const base = options.base ?? '/';
  const rules = options.headersFile ? parseHeadersFile(await readFile(join(root, '_headers'), 'utf8')) : [];
  const files = sirv(root, { dev: true, etag: true, dotfiles: false, extensions: ['html'] });

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const original = { writeHead: res.writeHead, write: res.write, end: res.end };
    let pathname: string;
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      decodeURIComponent(url.pathname);
      pathname = url.pathname;
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Bad request: the address is not valid URL encoding.\n');
      return;
    }
    const notFound = () => send('/404.html', 404);
    const send = (path: string, status: number) => {
      const type = contentType(path);
      const headers: Record<string, string> = {
        'content-type': type,
        ...headersFor(rules, status === 404 ? pathname : base + path.slice(1)),
        ...options.headers,
      };
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const encoding = !(options.compress && compressible(headers['content-type']))
        ? null
        : /\bbr\b/.test(accepts)
          ? 'br'
          : /\bgzip\b/.test(accepts)
            ? 'gzip'
            : null;
      Object.assign(res, original);
      interceptBody(res, status, encoding, (body) => {
        if (!encoding) return body;
        const key = `${encoding} ${createHash('sha256').update(body).digest('hex')}`;
        let cached = compressed.get(key);
        if (!cached) {
          cached =
            encoding === 'br'
              ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
              : gzipSync(body, { level: 9 });
          compressed.set(key, cached);
        }
        return cached;
      });
      req.url = path;
      files(req, res, status === 404 ? () => res.end() : notFound);
    };
    // A host reads _headers; it never serves it.
    if (!pathname.startsWith(base) || pathname === `${base}_headers`) return notFound();
    send('/' + pathname.slice(base.length), 200);
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

/**
 * Collects the body sirv streams into `res` and sends `transform(body)` instead, with the given status and
 * encoding: sirv sends files as they are, and a host compresses them on the way out.
 */
function interceptBody(
  res: ServerResponse,
  status: number,
  encoding: string | null,
  transform: (body: Buffer) => Buffer,
) {
  const chunks: Buffer[] = [];
  const writeHead = res.writeHead.bind(res) as (code: number, headers?: Record<string, unknown>) => ServerResponse;
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  let head: Record<string, unknown> = {};
  let headOnly = false;
  res.writeHead = ((code: number, headers?: Record<string, unknown>) => {
    head = { ...headers };
    // A 304 (the file is unchanged) or a range has no whole body to compress.
    if (code === 304 || code === 206) {
      headOnly = true;
      return writeHead(code, headers);
    }
    return res;
  }) as typeof res.writeHead;
  res.write = ((chunk: Buffer) => {
    if (headOnly) return true;
    chunks.push(Buffer.from(chunk));
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: Buffer) => {
    if (headOnly) return end();
    if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
    const body = transform(Buffer.concat(chunks));
    delete head['Content-Length'];
    delete head['Content-Type'];
    const headers: Record<string, unknown> = { ...head, 'content-length': String(body.length) };
    if (encoding) {
      headers['content-encoding'] = encoding;
      headers['vary'] = 'accept-encoding';
    }
    writeHead(status, headers);
    return end(res.req?.method === 'HEAD' ? undefined : body);
  }) as typeof res.end;
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
