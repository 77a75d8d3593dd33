// A small static file server for dist/, used by the browser tests, screenshots and benchmarks.
// It serves the site under its base path, answers unknown paths with 404.html, and can compress.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

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

export interface ServeOptions {
  root: string;
  base?: string;
  port?: number;
  /** Brotli-compress responses when the client accepts it, as a static host would. */
  compress?: boolean;
  headers?: Record<string, string>;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveDist(options: ServeOptions): Promise<RunningServer> {
  const root = resolve(options.root);
  const base = options.base ?? '/';
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
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      ...options.headers,
    };
    if (options.compress && /\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      headers['content-encoding'] = 'br';
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
