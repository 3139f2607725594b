// The built client's files: compressed (brotli or gzip, precompressed at build time), hashed assets
// cached forever (older builds' from the asset archive), the page revalidated by ETag. What the
// page holds (preloads, the prerendered join form, its policy) is assembled in page.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { brotliCompressSync, constants as zlib, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';
import { archiveBuild, archivedFile, type AssetArchiveOptions } from './assetArchive';
import { assemblePage, pageVariant, type PageVariant } from './page';
import { sendJson } from './answer';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Extensions worth compressing; the build writes .br and .gz beside these (vite.config.ts). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.map']);
// below this a compressed body saves less than its headers cost
const MIN_COMPRESS_BYTES = 512;

type Encoding = 'br' | 'gzip' | null;

/** br when the client takes it, gzip otherwise; q=0 refuses. */
export function chooseEncoding(header: string | string[] | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

const suffix = (encoding: Encoding) => (encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : '');

/** true when an If-None-Match header names this ETag (weak comparison, as for GET). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

interface CachedPage {
  body: Buffer;
  etag: string;
  policy: string;
}

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void>;

export interface StaticOptions {
  /** older builds' hashed files (server/http/assetArchive.ts); none: only the current build's */
  archive?: AssetArchiveOptions;
  onError?: (message: string, fields: Record<string, unknown>) => void;
}

export function createStaticHandler(distDirectory: string, options: StaticOptions = {}): StaticHandler {
  const distDir = path.resolve(distDirectory);
  const { archive } = options;
  // the build being served goes into the archive when it first serves something, and again when
  // dist/ is rebuilt under the running server (the page's stamp changes)
  let archivedStamp: string | null = null;
  const archiveCurrent = (stamp: string) => {
    if (!archive || archivedStamp === stamp) return;
    archivedStamp = stamp;
    archiveBuild(distDir, archive).catch((err: unknown) => options.onError?.('asset archive failed', { err: String(err) }));
  };
  const indexFile = path.join(distDir, 'index.html');
  // rebuilt whenever index.html changes (a new build under a running server)
  let pages = { stamp: '', entries: new Map<string, CachedPage>() };

  const fail = (res: ServerResponse, status: number, message: string) => sendJson(res, status, { error: message });

  async function page(variant: PageVariant, encoding: Encoding, stamp: string): Promise<CachedPage> {
    if (pages.stamp !== stamp) pages = { stamp, entries: new Map() };
    const key = `${JSON.stringify(variant)}|${encoding}`;
    const cached = pages.entries.get(key);
    if (cached) return cached;
    const { html, policy } = await assemblePage(distDir, variant);
    const plain = Buffer.from(html);
    const body =
      encoding === 'br'
        ? brotliCompressSync(plain, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length } })
        : encoding === 'gzip'
          ? gzipSync(plain, { level: 9 })
          : plain;
    const hash = createHash('sha256').update(plain).digest('base64url').slice(0, 22);
    const entry = { body, etag: `"${hash}${encoding ? '-' + encoding : ''}"`, policy };
    pages.entries.set(key, entry);
    return entry;
  }

  async function sendPage(req: IncomingMessage, res: ServerResponse, pathname: string) {
    const info = await stat(indexFile).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('Samverkansverkstad: the client is not built yet. Run "npm run build" and reload.\n');
      return;
    }
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    const stamp = `${info.mtimeMs}:${info.size}`;
    archiveCurrent(stamp);
    const { body, etag, policy } = await page(pageVariant(pathname), encoding, stamp);
    // nothing may load from another host: public-sector data stays on this server
    res.setHeader('Content-Security-Policy', policy);
    const headers: Record<string, string | number> = { ETag: etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    if (matches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': CONTENT_TYPES['.html'],
      'Content-Length': body.length,
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, size: number, mtimeMs: number, immutable: boolean) {
    // scripts, styles and fonts are subresources: the page's policy applies to them, not their own
    res.removeHeader('Content-Security-Policy');
    const ext = path.extname(file).toLowerCase();
    const headers: Record<string, string | number> = {
      'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    const compressible = COMPRESSIBLE.has(ext);
    const encoding = compressible && size >= MIN_COMPRESS_BYTES ? chooseEncoding(req.headers['accept-encoding']) : null;
    if (compressible) headers.Vary = 'Accept-Encoding';
    // unhashed files (sw.js, favicon) revalidate: a changed service worker must reach every phone
    if (!immutable) {
      headers.ETag = `"${size.toString(36)}-${Math.floor(mtimeMs).toString(36)}${encoding ? '-' + encoding : ''}"`;
      if (matches(req.headers['if-none-match'], String(headers.ETag))) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
    }
    let source = file;
    let compressOnTheFly = false;
    if (encoding) {
      const pre = await stat(file + suffix(encoding)).catch(() => null);
      if (pre?.isFile()) {
        source = file + suffix(encoding);
        headers['Content-Length'] = pre.size;
      } else {
        compressOnTheFly = true;
      }
      headers['Content-Encoding'] = encoding;
    } else {
      headers['Content-Length'] = size;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(source);
    if (!compressOnTheFly) {
      stream.on('error', () => res.destroy()).pipe(res);
      return;
    }
    const compressor =
      encoding === 'br' ? createBrotliCompress({ params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: size } }) : createGzip();
    pipeline(stream, compressor, res, (err) => {
      if (err) res.destroy();
    });
  }

  return async function serveStatic(req, res, pathname) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return fail(res, 400, 'Bad path');
    }
    const normalised = path.posix.normalize(decoded);
    const file = path.resolve(distDir, '.' + normalised);
    const inside = file === distDir || file.startsWith(distDir + path.sep);
    // dotfiles (.vite/manifest.json) are build internals, not part of the site
    const hidden = normalised.split('/').some((segment) => segment.startsWith('.'));
    if (archivedStamp === null) archiveCurrent('first request');
    if (inside && !hidden && !decoded.includes('\0')) {
      if (file === indexFile) return sendPage(req, res, '/');
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) return sendFile(req, res, file, info.size, info.mtimeMs, normalised.startsWith('/assets/'));
      // a tab still on an earlier build asks for its own files
      const archived = archive && normalised.startsWith('/assets/') ? archivedFile(archive.dir, normalised.slice('/assets/'.length)) : null;
      const kept = archived ? await stat(archived).catch(() => null) : null;
      if (archived && kept?.isFile()) return sendFile(req, res, archived, kept.size, kept.mtimeMs, true);
    }
    // a missing script or image must not come back as index.html (the browser would report a MIME error)
    if (normalised.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(normalised.split('/').pop() ?? '')) {
      return fail(res, 404, 'Not found');
    }
    return sendPage(req, res, normalised);
  };
}
