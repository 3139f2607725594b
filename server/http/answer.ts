// The one error type and the one JSON writer of the HTTP API: a handler throws HttpError and the
// handler in http.ts answers it as `{ "error": message, "code"?: … }` with its status (and headers, e.g. Allow).
import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../common/api';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** sent as `code` beside the message: what the client says in its own language */
    readonly code?: ErrorCode,
  ) {
    super(message);
  }
}

/** A JSON answer, never cached; `null` or no body is an empty answer (204). */
export function sendJson(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined || body === null) {
    res.writeHead(status, { 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
