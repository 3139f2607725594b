// A reconnecting device says its presence again, with a newer clock. An instance that took a
// meeting over after a failover (or a restarted relay) can only pass on the clock the device last
// sent, which every other device already holds, and the stock client ignores such a state until
// the device's own renewal 15 s later: the console's "anslutna" would lag that long.
import type { WebsocketProvider } from 'y-websocket';

/** Renews the provider's local presence on every connect after the first; returns the unsubscribe. */
export function renewPresenceOnReconnect(provider: WebsocketProvider): () => void {
  let connectedBefore = false;
  const onStatus = ({ status }: { status: string }) => {
    if (status !== 'connected') return;
    const state = provider.awareness.getLocalState();
    if (connectedBefore && state !== null) provider.awareness.setLocalState({ ...state });
    connectedBefore = true;
  };
  provider.on('status', onStatus);
  return () => provider.off('status', onStatus);
}
