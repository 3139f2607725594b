// Who may read and write which document: the product's rules, handed to the transport as a
// policy per socket (the transport itself knows no roles). See README "Wire contract".
import type { DocName } from '../common/docNames';
import type { Role } from './meetings';
import type { SocketPolicy } from './relay/protocol';

/**
 * How large a participant may make each kind of document they write (the facilitator is not
 * capped). Participants write only their private doc and their group's doc now.
 */
export const DOC_BYTES_MAX: Record<DocName['kind'], number> = {
  meeting: 32 * 1024 * 1024,
  control: 32 * 1024 * 1024,
  private: 2 * 1024 * 1024,
  inbox: 32 * 1024 * 1024,
  group: 4 * 1024 * 1024,
  relay: 0,
};

export type Access = 'readwrite' | 'read' | 'forbidden' | 'member';

/**
 * The access a key's role grants on a document of its own meeting. 'member': readable, and
 * writable only while the participant is a member of that group (checked on every write).
 */
export function accessFor(doc: DocName, role: Role): Access {
  switch (doc.kind) {
    case 'meeting':
    case 'control':
      // participants and the board read; the relay writes participants' contributions itself
      return role.kind === 'facilitator' ? 'readwrite' : 'read';
    case 'private':
      // a participant's outbox: theirs alone (the facilitator sees drafts through the inbox)
      return role.kind === 'participant' && role.participantId === doc.participantId ? 'readwrite' : 'forbidden';
    case 'inbox':
      // only the relay writes the inbox
      return role.kind === 'facilitator' ? 'read' : 'forbidden';
    case 'group':
      if (role.kind === 'facilitator') return 'readwrite';
      return role.kind === 'participant' ? 'member' : 'read';
    case 'relay':
      return 'forbidden';
  }
}

/** Who owns a presence state: a reconnecting participant gets back the ids they introduced. */
export function principalOf(role: Role): string {
  return role.kind === 'participant' ? `participant:${role.participantId}` : role.kind;
}

/** What a socket may say in its presence state: only who it really is. */
export function presenceCheck(role: Role): (state: Record<string, unknown>) => boolean {
  switch (role.kind) {
    case 'facilitator':
      return () => true;
    case 'board':
      return (state) => state.role === 'board' && (state.participantId === undefined || state.participantId === null);
    case 'participant':
      return (state) =>
        (state.role === undefined || state.role === 'participant') &&
        (state.participantId === undefined || state.participantId === null || state.participantId === role.participantId);
  }
}

export interface PolicyInputs {
  doc: DocName;
  role: Role;
  access: Exclude<Access, 'forbidden'>;
  /** for 'member' access: is this participant in the doc's group now */
  isMember?: () => boolean;
  /** false once the meeting is closed or deleted: then nobody writes, the facilitator included */
  isOpen?: () => boolean;
}

export function socketPolicy({ doc, role, access, isMember, isOpen = () => true }: PolicyInputs): SocketPolicy {
  const mayWrite =
    access === 'readwrite' ? () => true : access === 'member' ? () => isMember?.() === true : () => false;
  return {
    mayWrite: () => isOpen() && mayWrite(),
    // presence lives on readable docs; the board may say it is a board, nothing else; on a group
    // doc only its members (when the socket opened) say who types where
    mayPresence: role.kind === 'board' ? doc.kind === 'meeting' : role.kind !== 'participant' || doc.kind !== 'group' || isMember?.() === true,
    // who is online shows on the console and the board; a phone shows only who types in its
    // group's answers (the group doc, to the members it had when the socket opened)
    showsPresence: role.kind !== 'participant' || (doc.kind === 'group' && isMember?.() === true),
    acceptPresence: presenceCheck(role),
    maxDocBytes: role.kind === 'facilitator' ? Infinity : DOC_BYTES_MAX[doc.kind],
    principal: principalOf(role),
  };
}
