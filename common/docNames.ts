// Websocket document names, shared by the relay and the client. See README "Wire contract".
//   <meetingId>                   meeting document: everyone in the meeting reads; facilitator and relay write
//   <meetingId>/control           facilitator and relay write (phase, timers, reveal flags, settings, participants)
//   <meetingId>/p/<participantId> a participant's private document: their outbox (that participant + the relay)
//   <meetingId>/inbox             facilitator-only, written by the relay: unrevealed notes for moderation
//   <meetingId>/g/<groupId>       a small group's live document: everyone reads; members and the facilitator write

/** nanoid's url-safe alphabet; ids and keys are at least 21 characters long. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{21,64}$/;
/** Group ids are short: the facilitator's console makes them ("g1", "g2", … or nanoids). */
export const GROUP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export type DocKind = DocName['kind'];

export type DocName =
  | { kind: 'meeting'; meetingId: string }
  | { kind: 'control'; meetingId: string }
  | { kind: 'private'; meetingId: string; participantId: string }
  | { kind: 'inbox'; meetingId: string }
  | { kind: 'group'; meetingId: string; groupId: string }
  /** the relay's own notes on a meeting (who wrote which anonymous note): no socket can open it */
  | { kind: 'relay'; meetingId: string };

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

export function isGroupId(value: unknown): value is string {
  return typeof value === 'string' && GROUP_ID_PATTERN.test(value);
}

/** Parses a document name; null when it is not one of the five kinds. */
export function parseDocName(name: string): DocName | null {
  const parts = name.split('/');
  const [meetingId, second, third] = parts;
  if (!isId(meetingId)) return null;
  if (parts.length === 1) return { kind: 'meeting', meetingId };
  if (parts.length === 2 && second === 'control') return { kind: 'control', meetingId };
  if (parts.length === 2 && second === 'inbox') return { kind: 'inbox', meetingId };
  if (parts.length === 3 && second === 'p' && isId(third)) {
    return { kind: 'private', meetingId, participantId: third };
  }
  if (parts.length === 3 && second === 'g' && isGroupId(third)) {
    return { kind: 'group', meetingId, groupId: third };
  }
  return null;
}

export function formatDocName(name: DocName): string {
  switch (name.kind) {
    case 'meeting':
      return name.meetingId;
    case 'control':
      return `${name.meetingId}/control`;
    case 'inbox':
      return `${name.meetingId}/inbox`;
    case 'private':
      return `${name.meetingId}/p/${name.participantId}`;
    case 'group':
      return `${name.meetingId}/g/${name.groupId}`;
    case 'relay':
      return `${name.meetingId}/relay`;
  }
}

export const meetingDocName = (meetingId: string) => meetingId;
export const controlDocName = (meetingId: string) => `${meetingId}/control`;
export const inboxDocName = (meetingId: string) => `${meetingId}/inbox`;
export const privateDocName = (meetingId: string, participantId: string) =>
  `${meetingId}/p/${participantId}`;
export const groupDocName = (meetingId: string, groupId: string) => `${meetingId}/g/${groupId}`;

/** Join codes: 6 characters without look-alikes (no 0/O, no 1/I/L). */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
export const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** Normalises what a person typed ("ab c-d2e") to a code, or null. */
export function normaliseJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return JOIN_CODE_PATTERN.test(code) ? code : null;
}

/** Websocket close codes used by the relay. */
export const CloseCode = {
  badDocName: 4400,
  badKey: 4401,
  forbidden: 4403,
  unknownMeeting: 4404,
  /** the key was replaced (board key) or the meeting deleted while the socket was open */
  revoked: 4410,
  tooManyConnections: 4429,
  /** another relay instance serves this meeting now (or this one just stopped): reconnect shortly */
  tryAgainLater: 1013,
  messageTooBig: 1009,
  policy: 1008,
} as const;
