// Test helpers: meeting docs with revealed notes as the relay writes them, and two docs relaying updates.
import * as Y from 'yjs';
import type { Cluster, Note } from '@common/schema';
import { createItem } from './core';
import { meetingNotes } from './notes';
import { meetingClusters } from './clusters';
import { buildBoard } from './boardModel';

const RELAY = 'relay';

export function revealNotes(meeting: Y.Doc, texts: string[]): string[] {
  const ids = texts.map((_, i) => `note-${i}-${Math.random().toString(36).slice(2, 8)}`);
  meeting.transact(() => {
    texts.forEach((text, i) => {
      const note: Note = {
        id: ids[i],
        text,
        color: 'yellow',
        tag: '',
        group: 0,
        clusterId: null,
        stackedOn: null,
        parked: false,
        handOverTo: '',
        order: `a${i}`,
        createdAt: i,
      };
      createItem(meetingNotes(meeting), ids[i], note);
    });
  }, 'server');
  return ids;
}

/** Two docs that exchange every update, unless paused (to make edits concurrent). */
export function twoDocsWithRelay() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  let paused = false;
  const queue: Array<[Y.Doc, Uint8Array]> = [];
  const wire = (from: Y.Doc, to: Y.Doc) =>
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === RELAY) return;
      if (paused) queue.push([to, update]);
      else Y.applyUpdate(to, update, RELAY);
    });
  wire(a, b);
  wire(b, a);
  return {
    a,
    b,
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      for (const [to, update] of queue.splice(0)) Y.applyUpdate(to, update, RELAY);
    },
  };
}

export function boardOf(meeting: Y.Doc) {
  const notes = new Map(Object.entries(meetingNotes(meeting).toJSON() as Record<string, Note>));
  const clusters = new Map(Object.entries(meetingClusters(meeting).toJSON() as Record<string, Cluster>));
  return buildBoard(notes, clusters);
}

/** cluster name → sorted note texts, plus loose and parked texts: a readable picture of the board. */
export function picture(meeting: Y.Doc) {
  const board = boardOf(meeting);
  const texts = (stacks: { top: Note; stacked: Note[] }[]) =>
    stacks.flatMap((s) => [s.top.text, ...s.stacked.map((n) => `${n.text}@${s.top.text}`)]).sort();
  return {
    clusters: Object.fromEntries(board.clusters.map((g) => [g.cluster.name, texts(g.stacks)])),
    loose: texts(board.loose),
    parked: [...texts(board.parkedNotes), ...board.parkedClusters.map((g) => `[${g.cluster.name}]`)].sort(),
  };
}
