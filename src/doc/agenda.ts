// The agenda (control doc, facilitator) and agenda proposals from phones (written in their private
// doc; the relay copies each to the meeting doc, where the facilitator accepts or declines it).
import type * as Y from 'yjs';
import {
  ControlRoots,
  MeetingRoots,
  type AgendaItem,
  type AgendaProposal,
  PrivateRoots,
  type PrivateProposal,
} from '@common/schema';
import { parseAgendaItem, parseAgendaProposal, parsePrivateProposal, TextRules } from '@common/records';
import { cleanText } from '@common/text';
import { createItem, getItem, rootItems, setFields, transact } from './core';
import { newId, orderAtEnd } from './ids';
import { orderForMove } from './meeting';
import { itemsView, type View } from './views';
import { byOrder } from '@common/order';

const agenda = (control: Y.Doc) => rootItems(control, ControlRoots.agenda);
const proposals = (meeting: Y.Doc) => rootItems(meeting, MeetingRoots.agendaProposals);
const clip = (text: string) => cleanText(text, TextRules.agendaPoint);

export function listAgenda(control: Y.Doc): AgendaItem[] {
  return [...agenda(control).values()].map((m) => m.toJSON() as AgendaItem).sort(byOrder);
}

export function addAgendaItem(control: Y.Doc, text: string, proposalId: string | null = null): string | null {
  const clean = clip(text);
  if (!clean) return null;
  return transact(control, () => {
    const items = agenda(control);
    const id = newId();
    const order = orderAtEnd([...items.values()].map((m) => m.get('order') as string));
    createItem<AgendaItem>(items, id, { id, text: clean, order, proposalId });
    return id;
  });
}

export function editAgendaItem(control: Y.Doc, id: string, text: string): void {
  const clean = clip(text);
  if (!clean) return;
  transact(control, () => {
    const item = getItem(agenda(control), id);
    if (item) setFields<AgendaItem>(item, { text: clean });
  });
}

export function moveAgendaItem(control: Y.Doc, id: string, direction: -1 | 1): void {
  transact(control, () => {
    const order = orderForMove(listAgenda(control), id, direction);
    const item = getItem(agenda(control), id);
    if (order && item) setFields<AgendaItem>(item, { order });
  });
}

export function removeAgendaItem(control: Y.Doc, id: string): void {
  transact(control, () => agenda(control).delete(id));
}

/** A phone proposes an agenda point: into its own private doc; the relay puts it on the facilitator's list. */
export function proposeAgendaPoint(privateDoc: Y.Doc, text: string, now: number = Date.now()): string | null {
  const clean = clip(text);
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

function setProposalStatus(meeting: Y.Doc, id: string, status: AgendaProposal['status']): AgendaProposal | null {
  return transact(meeting, () => {
    const item = getItem(proposals(meeting), id);
    if (!item) return null;
    setFields<AgendaProposal>(item, { status });
    return item.toJSON() as AgendaProposal;
  });
}

/** Accepting adds the point to the agenda (once) and marks the proposal accepted. */
export function acceptProposal(control: Y.Doc, meeting: Y.Doc, proposalId: string): string | null {
  const proposal = getItem(proposals(meeting), proposalId)?.toJSON() as AgendaProposal | undefined;
  if (!proposal) return null;
  const existing = listAgenda(control).find((a) => a.proposalId === proposalId);
  const agendaId = existing?.id ?? addAgendaItem(control, proposal.text, proposalId);
  setProposalStatus(meeting, proposalId, 'accepted');
  return agendaId;
}

export function declineProposal(meeting: Y.Doc, proposalId: string): void {
  setProposalStatus(meeting, proposalId, 'declined');
}

export function agendaView(control: Y.Doc): View<ReadonlyMap<string, AgendaItem>> {
  return itemsView<AgendaItem>(agenda(control), parseAgendaItem);
}

export function proposalsView(meeting: Y.Doc): View<ReadonlyMap<string, AgendaProposal>> {
  return itemsView<AgendaProposal>(proposals(meeting), parseAgendaProposal);
}
