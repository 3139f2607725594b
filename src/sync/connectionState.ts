// Combines the providers' states and the browser's online flag into one connection state.
import type { ConnectionState } from './session';

export type ProviderStatus = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionInputs {
  online: boolean;
  statuses: ProviderStatus[];
  /** has every provider been connected at least once */
  everConnected: boolean;
}

export function combineConnection(inputs: ConnectionInputs, previous: ConnectionState, now: number): ConnectionState {
  const keepSince = (status: 'offline' | 'reconnecting'): ConnectionState =>
    previous.status === status ? previous : { status, since: now };
  if (!inputs.online) return keepSince('offline');
  if (inputs.statuses.length > 0 && inputs.statuses.every((s) => s === 'connected')) {
    return previous.status === 'connected' ? previous : { status: 'connected' };
  }
  if (!inputs.everConnected) return previous.status === 'connecting' ? previous : { status: 'connecting' };
  return keepSince('reconnecting');
}
