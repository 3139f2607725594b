// How a device's socket comes back: the stock provider retries on a fixed schedule and never gives
// up on a handshake nobody answers. Every document's provider is supervised here instead (the app's
// sessions, and the cluster tests' clients, which must reconnect as the app does).
import type { WebsocketProvider } from 'y-websocket';

// after a relay restart every phone is back within about one ceiling of the relay listening (issue 10: 5 s)
const RECONNECT_CEILING_MS = 2500;

/** Full jitter: a random wait up to a doubling ceiling, so a room of phones does not return in the same millisecond. */
export function reconnectDelay(attempt: number, random = Math.random): number {
  return 100 + Math.floor(random() * Math.min(RECONNECT_CEILING_MS, 400 * 2 ** attempt));
}

/**
 * The stock provider gives up on an open socket that hears nothing for 30 s, but never on one that
 * does not open (a Wi-Fi path that went dead mid-handshake, an instance too busy to answer the
 * upgrade after a failover) or that opens and never syncs: such a socket is closed and retried with
 * the jittered wait after this long. A whole meeting's documents sync in well under a second on a
 * working connection.
 */
export const SYNC_TIMEOUT_MS = 20_000;

export interface Supervision {
  /** whether to come back after this close (null: closed on this side); asked again when the wait is over */
  mayRetry(event: CloseEvent | null): boolean;
  syncTimeoutMs?: number;
}

/** Takes the provider's reconnects over (jittered) and closes a socket not synced in time; returns the stop. */
export function superviseReconnect(provider: WebsocketProvider, { mayRetry, syncTimeoutMs = SYNC_TIMEOUT_MS }: Supervision): () => void {
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const onClose = (event: CloseEvent | null) => {
    if (!provider.shouldConnect || !mayRetry(event)) return;
    // the stock backoff's timer finds shouldConnect off and does nothing; ours reconnects
    provider.shouldConnect = false;
    clearTimeout(retry);
    retry = setTimeout(() => {
      if (!provider.shouldConnect && mayRetry(event)) provider.connect();
    }, reconnectDelay(attempt++));
  };
  const watch = () => {
    clearTimeout(watchdog);
    const ws = provider.ws;
    watchdog = setTimeout(() => {
      // closing it runs the provider's own close path, and onClose retries
      if (ws && provider.ws === ws && !provider.synced) ws.close();
    }, syncTimeoutMs);
  };
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connecting') watch();
  };
  const onSync = (synced: boolean) => {
    if (!synced) return;
    attempt = 0;
    clearTimeout(watchdog);
  };
  provider.on('connection-close', onClose);
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  // the first socket began connecting inside the provider's constructor, before any listener was on
  if (provider.ws && !provider.synced) watch();
  return () => {
    clearTimeout(retry);
    clearTimeout(watchdog);
    provider.off('connection-close', onClose);
    provider.off('status', onStatus);
    provider.off('sync', onSync);
  };
}
