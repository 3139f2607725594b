// The app's few routes, parsed from location without a router library.
import { isId } from '@common/docNames';
import { rememberTabKey, saveFacilitator } from '@/sync/identity';

export type Route =
  | { name: 'landing' }
  | { name: 'join'; code: string }
  | { name: 'phone'; meetingId: string }
  | { name: 'console'; meetingId: string; key: string | null; joinCode: string | null }
  | { name: 'board'; meetingId: string; key: string | null; joinCode: string | null; joinScreen: boolean }
  | { name: 'summary'; meetingId: string; key: string | null }
  /** the view-only board (board key): for a room computer, a second screen or someone following remotely */
  | { name: 'viewer'; meetingId: string; key: string | null }
  | { name: 'notFound' };

/** Reads `#key=…&code=…&screen=join`: keys travel only in the fragment, never to the server. */
export function parseFragment(hash: string): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#/, ''));
}

export function parseRoute(pathname: string, hash: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'landing' };
  if (parts[0] === 'j' && parts.length === 2) return { name: 'join', code: decodeURIComponent(parts[1]) };
  if (parts[0] === 'm' && parts.length === 3 && isId(parts[1])) {
    const meetingId = parts[1];
    const fragment = parseFragment(hash);
    const key = fragment.get('key') || null;
    if (parts[2] === 'p') return { name: 'phone', meetingId };
    if (parts[2] === 'summary') return { name: 'summary', meetingId, key };
    if (parts[2] === 'f') return { name: 'console', meetingId, key, joinCode: fragment.get('code') || null };
    if (parts[2] === 'view') return { name: 'viewer', meetingId, key };
    if (parts[2] === 'board') {
      return { name: 'board', meetingId, key, joinCode: fragment.get('code') || null, joinScreen: fragment.get('screen') === 'join' };
    }
  }
  return { name: 'notFound' };
}

export const viewerPath = (meetingId: string, boardKey: string) => `/m/${meetingId}/view#${new URLSearchParams({ key: boardKey })}`;

/**
 * Keys travel in the fragment only until the page has read them: then they live in this tab's
 * session storage (and, for the facilitator, this device's saved meetings) and the address bar
 * shows none, so a projected or shared screen never shows a key. Returns the address without them.
 */
export function withoutKeys(pathname: string, hash: string): string | null {
  const fragment = parseFragment(hash);
  if (!fragment.has('key') && !fragment.has('board')) return null;
  fragment.delete('key');
  fragment.delete('board');
  const rest = fragment.toString();
  return pathname + (rest ? `#${rest}` : '');
}
export const phonePath = (meetingId: string) => `/m/${meetingId}/p`;

export function boardPath(meetingId: string, key: string, joinCode: string | null, joinScreen = false): string {
  const fragment = new URLSearchParams({ key });
  if (joinCode) fragment.set('code', joinCode);
  if (joinScreen) fragment.set('screen', 'join');
  return `/m/${meetingId}/board#${fragment.toString()}`;
}

/** Moves a key in the address bar into this tab's storage (and the console's into this device's meetings), then takes it out. */
export function takeKeysFromAddress(): void {
  if (typeof location === 'undefined') return;
  const route = parseRoute(location.pathname, location.hash);
  const clean = withoutKeys(location.pathname, location.hash);
  if (clean === null || !('key' in route)) return;
  if (route.key) {
    if (route.name === 'viewer') rememberTabKey(route.meetingId, 'viewer', route.key);
    else {
      rememberTabKey(route.meetingId, 'facilitator', route.key);
      if (route.name === 'console') {
        const boardKey = parseFragment(location.hash).get('board');
        saveFacilitator({ meetingId: route.meetingId, key: route.key, joinCode: route.joinCode ?? undefined, boardKey: boardKey ?? undefined });
      }
    }
  }
  history.replaceState(history.state, '', clean + location.search);
}
