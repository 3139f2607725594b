// Addresses that open a meeting with a key: keys travel only in the fragment, never to the server.
// Here, below the features, so the app's routes and every feature build them the same way.

/** The code rides along in the fragment so the console link works on another device too. */
export function consolePath(meetingId: string, key: string, joinCode: string | null = null, boardKey: string | null = null): string {
  const fragment = new URLSearchParams({ key });
  if (joinCode) fragment.set('code', joinCode);
  if (boardKey) fragment.set('board', boardKey);
  return `/m/${meetingId}/f#${fragment.toString()}`;
}
/** The summary on its own page, for after the meeting (facilitator key in the fragment). */
export const summaryPath = (meetingId: string, key: string) => `/m/${meetingId}/summary#${new URLSearchParams({ key }).toString()}`;

