// The JSON API and the built client, on the same port as the websocket: security headers, /healthz,
// the API's one route table (routeTable.ts), the static client, and how every error is answered.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import type { RelayConfig } from '../config';
import type { MeetingRegistry } from '../meetings';
import type { Logger } from '../log';
import { NotOwnerError } from '../relay/docStore';
import { createStaticHandler } from './static';
import { discardRest } from './body';
import { HttpError, sendJson } from './answer';
import { RouteTable, type Handlers } from './routeTable';

export interface HttpContext {
  config: RelayConfig;
  registry: MeetingRegistry;
  log: Logger;
  /** the endpoints of common/api.ts with their handlers (meetingRoutes, lifecycleRoutes, calendarRoutes) */
  routes: Handlers[];
  /** serves everything that is not /api, /ws or /healthz instead of dist/ (the Vite dev server) */
  fallback?(req: IncomingMessage, res: ServerResponse): void;
  /** false when this instance cannot serve (its database is unreachable): /healthz answers 503 and the balancer takes it out */
  health?(): Promise<boolean>;
}

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** URLs phones on the same network can open: every non-internal IPv4 address when bound to all interfaces. */
export function lanUrls(port: number, host = '0.0.0.0'): string[] {
  if (host !== '0.0.0.0' && host !== '::') {
    const loopback = host === 'localhost' || host.startsWith('127.') || host === '::1';
    return loopback || host.includes(':') ? [] : [`http://${host}:${port}`];
  }
  const urls: string[] = [];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) {
      if (a.family === 'IPv4' && !a.internal) urls.push(`http://${a.address}:${port}`);
    }
  }
  return urls;
}

/**
 * The path and query of a request target, or null when it is not one a browser sends.
 * Origin-form is read relative to this server, so `//host:99999/` is a path, not an authority.
 */
export function parseTarget(target: string | undefined): URL | null {
  const raw = target ?? '/';
  try {
    if (raw.startsWith('/')) return new URL('http://relay.invalid' + raw);
    // absolute-form (proxies may send it): only its path and query matter here
    if (/^https?:\/\//i.test(raw)) return new URL(raw);
    if (raw === '*') return new URL('http://relay.invalid/*');
  } catch {
    return null;
  }
  return null;
}

export function createHttpHandler(ctx: HttpContext): (req: IncomingMessage, res: ServerResponse) => void {
  const { config, log } = ctx;
  const table = new RouteTable(ctx.registry, ...ctx.routes);
  const serveStatic = createStaticHandler(config.distDir, {
    archive: { dir: config.assetArchiveDir ?? path.join(config.dataDir, 'assets'), keepBuilds: config.assetArchiveBuilds, keepDays: config.assetArchiveDays },
    onError: (message, fields) => log.error(message, fields),
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // nothing here is meant to be framed or read by another site (no CORS headers are ever sent)
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    // JSON and error answers render nothing; the app page replaces this with its own policy
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    const url = parseTarget(req.url);
    if (!url) throw new HttpError(400, 'Bad request target');
    const pathname = url.pathname;

    if (pathname === '/healthz') {
      const healthy = (await ctx.health?.()) ?? true;
      return sendJson(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'unavailable' });
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) return table.answer(req, res, url);
    if (pathname === '/ws' || pathname.startsWith('/ws/')) throw new HttpError(426, 'Use a websocket');
    if (ctx.fallback) {
      // the Vite dev server's pages need its inline scripts
      res.removeHeader('Content-Security-Policy');
      return ctx.fallback(req, res);
    }
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return serveStatic(req, res, pathname);
  }

  return (req, res) => {
    if (config.instanceId) res.setHeader('X-Instance', config.instanceId);
    route(req, res).catch(async (err) => {
      if (err instanceof HttpError) {
        for (const [name, value] of Object.entries(err.headers)) if (!res.headersSent) res.setHeader(name, value);
        // refused before the body was read: read the rest first, so the client still writing it gets the answer
        await discardRest(req);
        if (!res.headersSent && !res.destroyed) sendJson(res, err.status, { error: err.message, ...(err.code ? { code: err.code } : {}) });
        else res.destroy();
        return;
      }
      // another relay instance serves this meeting (PostgreSQL): the balancer sends the retry there
      if (err instanceof NotOwnerError) {
        if (!res.headersSent) {
          res.setHeader('Retry-After', '1');
          sendJson(res, 503, { error: 'The meeting is served by another instance; try again', code: 'servedElsewhere' });
        } else res.destroy();
        return;
      }
      // the client went away mid-body: nobody is left to answer, and nothing here failed
      if (req.destroyed || res.destroyed || (err as { code?: string })?.code === 'ECONNRESET') {
        log.debug('request aborted', { method: req.method });
        res.destroy();
        return;
      }
      log.error('request failed', { method: req.method, err: String(err instanceof Error ? err.stack : err) });
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal error' });
      else res.destroy();
    });
  };
}
