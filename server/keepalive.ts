// The stock y-websocket client closes a socket that has received nothing for 30 s, so a quiet
// document (a phone's private doc) would reconnect every ~33 s. A tiny frame every KEEPALIVE_MS
// counts as a message there and changes nothing: an auth message (type 2) whose kind is not
// "permission denied" is read and ignored by y-protocols' readAuthMessage.
import type { WebSocket } from 'ws';

export const KEEPALIVE_MS = 15_000;
export const KEEPALIVE_FRAME = Uint8Array.of(2, 1);

/** Sends the keepalive frame to every open socket in `sockets`; returns the stop function. */
export function startKeepalive(sockets: Iterable<WebSocket>, intervalMs = KEEPALIVE_MS): () => void {
  const timer = setInterval(() => {
    for (const ws of sockets) {
      // a socket with unsent data in its buffer is not idle; it needs no more
      if (ws.readyState === ws.OPEN && ws.bufferedAmount === 0) ws.send(KEEPALIVE_FRAME, { binary: true }, () => undefined);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
