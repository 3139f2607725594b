// The facilitator's agenda: adding, editing, ordering and removing points, and answering proposals.
import type * as Y from 'yjs';
import type { AgendaItem, AgendaProposal } from '@common/schema';
import { createItem, getItem, setFields, transact } from '../core';
import { newId, orderAtEnd } from '../ids';
import { orderForMove } from '../facilitator/meeting';
import { byOrder } from '@common/order';
import { agendaItems, clipAgendaPoint, proposalItems } from '../agenda';

export function listAgenda(control: Y.Doc): AgendaItem[] {
  return [...agendaItems(control).values()].map((m) => m.toJSON() as AgendaItem).sort(byOrder);
}

export function addAgendaItem(control: Y.Doc, text: string, proposalId: string | null = null): string | null {
  const clean = clipAgendaPoint(text);
  if (!clean) return null;
  return transact(control, () => {
    const items = agendaItems(control);
    const id = newId();
    const order = orderAtEnd([...items.values()].map((m) => m.get('order') as string));
    createItem<AgendaItem>(items, id, { id, text: clean, order, proposalId });
    return id;
  });
}

export function editAgendaItem(control: Y.Doc, id: string, text: string): void {
  const clean = clipAgendaPoint(text);
  if (!clean) return;
  transact(control, () => {
    const item = getItem(agendaItems(control), id);
    if (item) setFields<AgendaItem>(item, { text: clean });
  });
}

export function moveAgendaItem(control: Y.Doc, id: string, direction: -1 | 1): void {
  transact(control, () => {
    const order = orderForMove(listAgenda(control), id, direction);
    const item = getItem(agendaItems(control), id);
    if (order && item) setFields<AgendaItem>(item, { order });
  });
}

export function removeAgendaItem(control: Y.Doc, id: string): void {
  transact(control, () => agendaItems(control).delete(id));
}

function setProposalStatus(meeting: Y.Doc, id: string, status: AgendaProposal['status']): AgendaProposal | null {
  return transact(meeting, () => {
    const item = getItem(proposalItems(meeting), id);
    if (!item) return null;
    setFields<AgendaProposal>(item, { status });
    return item.toJSON() as AgendaProposal;
  });
}

/** Accepting adds the point to the agenda (once) and marks the proposal accepted. */
export function acceptProposal(control: Y.Doc, meeting: Y.Doc, proposalId: string): string | null {
  const proposal = getItem(proposalItems(meeting), proposalId)?.toJSON() as AgendaProposal | undefined;
  if (!proposal) return null;
  const existing = listAgenda(control).find((a) => a.proposalId === proposalId);
  const agendaId = existing?.id ?? addAgendaItem(control, proposal.text, proposalId);
  setProposalStatus(meeting, proposalId, 'accepted');
  return agendaId;
}

export function declineProposal(meeting: Y.Doc, proposalId: string): void {
  setProposalStatus(meeting, proposalId, 'declined');
}
