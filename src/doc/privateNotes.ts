// A participant's own notes, written only into their private document. The relay mirrors drafts
// to the facilitator's inbox and reveals them; this device never writes the meeting's notes.
import type * as Y from 'yjs';
import { Limits, NOTE_COLORS, PrivateRoots, type NoteColor, type PrivateNote } from '@common/schema';
import { parsePrivateNote, TextRules } from '@common/records';
import { cleanText, parseText } from '@common/text';
import { createItem, getItem, rootItems, setFields, transact } from './core';
import { newId } from './ids';
import { itemsView, type View } from './views';

export type NoteTextProblem = 'empty' | 'tooLong';

/** Thrown when a note's text is refused; `problem` picks the message shown to the user. */
export class NoteTextError extends Error {
  constructor(readonly problem: NoteTextProblem) {
    super(`note text refused: ${problem}`);
    this.name = 'NoteTextError';
  }
}

/** Thrown when a note can no longer be changed (revealed or removed). */
export class NoteLockedError extends Error {
  constructor(readonly noteId: string) {
    super(`note ${noteId} is no longer a draft`);
    this.name = 'NoteLockedError';
  }
}

/** The text as it will be stored, or the reason it is refused. */
export function checkNoteText(text: string): { ok: true; text: string } | { ok: false; problem: NoteTextProblem } {
  // the shared parser: the relay mirrors and reveals exactly this text
  const parsed = parseText(text, TextRules.note);
  if (!parsed.ok) return { ok: false, problem: parsed.problem === 'tooLong' ? 'tooLong' : 'empty' };
  return { ok: true, text: parsed.value };
}

function validText(text: string): string {
  const checked = checkNoteText(text);
  if (!checked.ok) throw new NoteTextError(checked.problem);
  return checked.text;
}

function validColor(color: NoteColor | undefined): NoteColor {
  return color && (NOTE_COLORS as readonly string[]).includes(color) ? color : 'yellow';
}

export interface NewPrivateNote {
  text: string;
  color?: NoteColor;
  tag?: string;
  group?: number;
}

export function privateNotesMap(doc: Y.Doc) {
  return rootItems(doc, PrivateRoots.notes);
}

export function addPrivateNote(doc: Y.Doc, input: NewPrivateNote, now = Date.now()): string {
  const text = validText(input.text);
  const id = newId();
  const note: PrivateNote = {
    id,
    text,
    color: validColor(input.color),
    tag: cleanText(input.tag ?? '', TextRules.tag),
    group: Math.max(0, Math.min(Limits.groupCountMax, Math.floor(input.group ?? 0))),
    createdAt: now,
    updatedAt: now,
    state: 'draft',
  };
  transact(doc, () => createItem(privateNotesMap(doc), id, note));
  return id;
}

function draftItem(doc: Y.Doc, noteId: string) {
  const item = getItem(privateNotesMap(doc), noteId);
  if (!item) return undefined;
  if (item.get('state') !== 'draft') throw new NoteLockedError(noteId);
  return item;
}

export function editPrivateNote(
  doc: Y.Doc,
  noteId: string,
  changes: Partial<Pick<PrivateNote, 'text' | 'color' | 'tag' | 'group'>>,
  now = Date.now(),
): void {
  const fields: Partial<PrivateNote> = {};
  if (changes.text !== undefined) fields.text = validText(changes.text);
  if (changes.color !== undefined) fields.color = validColor(changes.color);
  if (changes.tag !== undefined) fields.tag = cleanText(changes.tag, TextRules.tag);
  if (changes.group !== undefined) fields.group = Math.max(0, Math.floor(changes.group));
  transact(doc, () => {
    const item = draftItem(doc, noteId);
    if (!item) return;
    setFields<PrivateNote>(item, { ...fields, updatedAt: now });
  });
}

export function deletePrivateNote(doc: Y.Doc, noteId: string): void {
  transact(doc, () => {
    if (draftItem(doc, noteId)) privateNotesMap(doc).delete(noteId);
  });
}

export function privateNotesView(doc: Y.Doc): View<ReadonlyMap<string, PrivateNote>> {
  return itemsView<PrivateNote>(privateNotesMap(doc), parsePrivateNote);
}
