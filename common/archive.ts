// The JSON archive of a whole meeting: the plain JSON of its meeting and control documents,
// with a format name and version. `parseArchive` is the schema the import checks: it refuses a
// broken or hostile file with a sentence saying what is wrong, before anything is written, and
// passes every text through its rule (common/cleanRoots.ts TextFields).
import { ControlRoots, GroupRoots, MeetingRoots } from './schema';
import { cleanRoots } from './cleanRoots';
import type { JsonRoots } from './json';

export const ARCHIVE_FORMAT = 'samverkansverkstad-meeting';
/** 2 added the groups' documents; a version 1 file (no groups) still imports */
export const ARCHIVE_VERSION = 2;
const READABLE_VERSIONS: readonly number[] = [1, 2];
/** more groups than any room holds; each is one document on import */
const GROUPS_MAX = 200;
/** the import's request limit; a meeting with 1000 notes of 280 characters is well under it */
export const ARCHIVE_MAX_BYTES = 8 * 1024 * 1024;


export interface MeetingArchive {
  format: typeof ARCHIVE_FORMAT;
  version: 1 | typeof ARCHIVE_VERSION;
  exportedAt: string;
  meeting: JsonRoots;
  control: JsonRoots;
  /** each deep-dive group's document by group id (its answers carry no author) */
  groups?: Record<string, JsonRoots>;
}

/** A kind's roots without the version stamp (the importing relay stamps its own) and those left out. */
const rootsBut = (roots: Record<string, string>, leftOut: string[]): string[] =>
  Object.values(roots).filter((root) => root !== MeetingRoots.schema && !leftOut.includes(root));

/** Roots an archive may carry: the shared documents only (never private docs, inbox or keys). */
export const ARCHIVE_ROOTS = {
  meeting: rootsBut(MeetingRoots, []),
  // the board's walk-through, the opened cluster and the term are the room's moment or the relay's, not the meeting's record
  control: rootsBut(ControlRoots, [ControlRoots.walkthrough, ControlRoots.walkSections, ControlRoots.openedOnStage, ControlRoots.term]),
  group: rootsBut(GroupRoots, []),
};
/** Never in an archive: the relay's bookkeeping of who wrote how many notes, or moderation state. */
// buzzGroups and the café's seats and hosts: who sat with whom, like groupMembers
const LEFT_OUT_CONTROL = new Set<string>([ControlRoots.buzzGroups, ControlRoots.cafeSeats, ControlRoots.cafeHosts, ControlRoots.noteCounts, ControlRoots.removedNotes, ControlRoots.groupMembers, ControlRoots.voteProgress, ControlRoots.lifecycle]);

export function createArchive(meeting: JsonRoots, control: JsonRoots, exportedAt: string, groups: Record<string, JsonRoots> = {}): MeetingArchive {
  const pick = (roots: JsonRoots, allowed: string[], leave: Set<string>) =>
    Object.fromEntries(Object.entries(roots).filter(([root, v]) => allowed.includes(root) && !leave.has(root) && Object.keys(v).length > 0));
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt,
    // texts through their rules on the way out too: a hand-made client may have written past the commands
    meeting: cleanRoots('meeting', pick(meeting, ARCHIVE_ROOTS.meeting, new Set())),
    control: cleanRoots('control', pick(control, ARCHIVE_ROOTS.control, LEFT_OUT_CONTROL)),
    // only groups the meeting still has: a removed group's document is not part of the meeting
    groups: Object.fromEntries(
      Object.entries(groups)
        .filter(([id]) => id in (control[ControlRoots.groups] ?? {}))
        .map(([id, roots]) => [id, cleanRoots('group', pick(roots, ARCHIVE_ROOTS.group, new Set()))]),
    ),
  };
}

export type ArchiveResult = { ok: true; archive: MeetingArchive } | { ok: false; error: string };

const KEY = /^[A-Za-z0-9_-]{1,64}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const STRING_MAX = 20_000;
const DEPTH_MAX = 6;
const ITEMS_MAX = 20_000;

class Refused extends Error {}

function checkValue(value: unknown, where: string, depth: number, count: { n: number }): void {
  if (++count.n > ITEMS_MAX * 20) throw new Refused('The file holds too many values.');
  if (depth > DEPTH_MAX) throw new Refused(`${where} is nested too deeply.`);
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Refused(`${where} is not a finite number.`);
    return;
  }
  if (typeof value === 'string') {
    if (value.length > STRING_MAX) throw new Refused(`${where} is longer than ${STRING_MAX} characters.`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length > ITEMS_MAX) throw new Refused(`${where} has too many entries.`);
    value.forEach((v, i) => checkValue(v, `${where}[${i}]`, depth + 1, count));
    return;
  }
  if (typeof value === 'object') {
    const entries = Object.keys(value as object);
    if (entries.length > ITEMS_MAX) throw new Refused(`${where} has too many entries.`);
    for (const key of entries) {
      if (FORBIDDEN_KEYS.has(key) || !KEY.test(key)) throw new Refused(`${where} has a key that is not allowed.`);
      checkValue((value as Record<string, unknown>)[key], `${where}.${key}`, depth + 1, count);
    }
    return;
  }
  throw new Refused(`${where} is not plain JSON.`);
}

function checkRoots(value: unknown, doc: 'meeting' | 'control' | 'group', count: { n: number }): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Refused(`"${doc}" must be an object.`);
  for (const [root, items] of Object.entries(value)) {
    if (!ARCHIVE_ROOTS[doc].includes(root)) throw new Refused(`"${doc}" has an unknown part "${root.slice(0, 40)}".`);
    if (typeof items !== 'object' || items === null || Array.isArray(items)) throw new Refused(`"${doc}.${root}" must be an object.`);
    checkValue(items, `${doc}.${root}`, 1, count);
  }
}

/** Checks text that claims to be an archive. Never throws. */
export function parseArchive(text: string): ArchiveResult {
  if (text.length > ARCHIVE_MAX_BYTES) return { ok: false, error: 'The file is too large to be a meeting archive.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The file is not valid JSON.' };
  }
  return checkArchive(value);
}

export function checkArchive(value: unknown): ArchiveResult {
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Refused('The file is not a meeting archive.');
    const v = value as Record<string, unknown>;
    if (v.format !== ARCHIVE_FORMAT) throw new Refused('The file is not a Samverkansverkstad meeting archive.');
    if (typeof v.version !== 'number' || !READABLE_VERSIONS.includes(v.version)) throw new Refused(`The archive has version ${String(v.version).slice(0, 20)}; this server reads version ${ARCHIVE_VERSION}.`);
    if (typeof v.exportedAt !== 'string' || v.exportedAt.length > 40) throw new Refused('The archive has no valid export date.');
    for (const key of Object.keys(v)) {
      if (!['format', 'version', 'exportedAt', 'meeting', 'control', 'groups'].includes(key)) throw new Refused('The archive has an unknown field.');
    }
    const count = { n: 0 };
    checkRoots(v.meeting, 'meeting', count);
    checkRoots(v.control, 'control', count);
    if (v.groups !== undefined) {
      if (v.version < 2) throw new Refused('A version 1 archive has no groups.');
      if (typeof v.groups !== 'object' || v.groups === null || Array.isArray(v.groups)) throw new Refused('"groups" must be an object.');
      const groups = Object.entries(v.groups);
      if (groups.length > GROUPS_MAX) throw new Refused('The archive has too many groups.');
      const known = (v.control as JsonRoots)[ControlRoots.groups] ?? {};
      for (const [id, roots] of groups) {
        if (FORBIDDEN_KEYS.has(id) || !KEY.test(id)) throw new Refused('"groups" has a key that is not allowed.');
        if (!Object.hasOwn(known, id)) throw new Refused('"groups" holds a group the meeting does not have.');
        checkRoots(roots, 'group', count);
      }
    }
    // every text through its rule, as if typed again: an archive is as untrusted as a phone
    const archive = value as MeetingArchive;
    return {
      ok: true,
      archive: {
        ...archive,
        meeting: cleanRoots('meeting', archive.meeting),
        control: cleanRoots('control', archive.control),
        ...(archive.groups ? { groups: Object.fromEntries(Object.entries(archive.groups).map(([id, roots]) => [id, cleanRoots('group', roots)])) } : {}),
      },
    };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, error: err.message };
    return { ok: false, error: 'The file could not be read as a meeting archive.' };
  }
}
