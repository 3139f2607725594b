// Participants (written by the relay into control.participants); who of them is online: facilitator/participants.ts.
import type * as Y from 'yjs';
import { ControlRoots, type Participant } from '@common/schema';
import { parseParticipant } from '@common/records';
import { rootItems } from './core';
import { itemsView, type View } from './views';

export function participantsView(control: Y.Doc): View<ReadonlyMap<string, Participant>> {
  return itemsView<Participant>(rootItems(control, ControlRoots.participants), parseParticipant);
}

