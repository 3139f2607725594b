// The agenda (control doc, facilitator) and agenda proposals from phones (written in their private
// doc; the relay copies each to the meeting doc, where the facilitator accepts or declines it).
import type * as Y from 'yjs';
import { ControlRoots, MeetingRoots, type AgendaItem, type AgendaProposal, PrivateRoots, type PrivateProposal } from '@common/schema';
import { parseAgendaItem, parseAgendaProposal, parsePrivateProposal, TextRules } from '@common/records';
import { cleanText } from '@common/text';
import { createItem, rootItems, transact } from './core';
import { newId } from './ids';
import { itemsView, type View } from './views';

export const agendaItems = (control: Y.Doc) => rootItems(control, ControlRoots.agenda);
export const proposalItems = (meeting: Y.Doc) => rootItems(meeting, MeetingRoots.agendaProposals);
export const clipAgendaPoint = (text: string) => cleanText(text, TextRules.agendaPoint);

/** A phone proposes an agenda point: into its own private doc; the relay puts it on the facilitator's list. */
export function proposeAgendaPoint(privateDoc: Y.Doc, text: string, now: number = Date.now()): string | null {
  const clean = clipAgendaPoint(text);
  if (!clean) return null;
  return transact(privateDoc, () => {
    const id = newId();
    createItem<PrivateProposal>(rootItems(privateDoc, PrivateRoots.proposals), id, { id, text: clean, createdAt: now });
    return id;
  });
}

/** This phone's own proposals, as they stand on the device. */
export function ownProposalsView(privateDoc: Y.Doc): View<ReadonlyMap<string, PrivateProposal>> {
  return itemsView<PrivateProposal>(rootItems(privateDoc, PrivateRoots.proposals), parsePrivateProposal);
}

export function agendaView(control: Y.Doc): View<ReadonlyMap<string, AgendaItem>> {
  return itemsView<AgendaItem>(agendaItems(control), parseAgendaItem);
}

export function proposalsView(meeting: Y.Doc): View<ReadonlyMap<string, AgendaProposal>> {
  return itemsView<AgendaProposal>(proposalItems(meeting), parseAgendaProposal);
}
