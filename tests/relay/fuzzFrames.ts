// Malformed frames for the relay's fuzz test and bench/fuzz.ts: random bytes, valid prefixes with
// garbage, truncated varints, huge declared lengths, junk awareness JSON and corrupted updates.
// Seeded, so a failure can be replayed.
import * as Y from 'yjs';
import { seededRandom } from '../../common/random';
import * as encoding from 'lib0/encoding';
import { badUpdates } from './badUpdates';
import { awarenessFrame, frame, syncStep1Frame, updateFrame } from './frames';

export type Random = () => number;

/** mulberry32, the app's seeded generator: the same sequence for the same seed everywhere. */
export const prng: (seed: number) => Random = seededRandom;

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)];
const bytes = (length: number, random: Random) => new Uint8Array(Array.from({ length }, () => Math.floor(random() * 256)));

/** Valid frames of a few shapes (updates in both envelopes, awareness, sync step 1), the raw material for mutation. */
export function seedFrames(random: Random): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = 1 + Math.floor(random() * 1e9);
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(updateFrame(u, random() < 0.5 ? 1 : 2)));
  const note = new Y.Map<unknown>();
  doc.getMap('fuzz').set('note', note);
  note.set('text', 'hej');
  doc.getText('t').insert(0, 'abcdef');
  doc.getText('t').delete(1, 2);
  doc.getArray('a').push([1, 'två', { tre: 3 }]);
  doc.getMap('fuzz').delete('note');
  out.push(updateFrame(Y.encodeStateAsUpdate(doc)));
  out.push(awarenessFrame([[doc.clientID, 1, { role: 'participant' }]]));
  out.push(syncStep1Frame(Y.encodeStateVector(doc)));
  return out;
}

/** A few byte edits: overwrite, insert, delete, or a run of varint continuation bytes. */
export function mutate(input: Uint8Array, random: Random): Uint8Array {
  const out = Array.from(input);
  const edits = 1 + Math.floor(random() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const r = random();
    if (r < 0.4 && out.length > 0) out[Math.min(at, out.length - 1)] = Math.floor(random() * 256);
    else if (r < 0.6) out.splice(at, 0, Math.floor(random() * 256));
    else if (r < 0.8) out.splice(at, 1);
    else out.splice(at, 0, 0xff, 0xff, 0xff, 0xff, 0x0f);
  }
  return new Uint8Array(out);
}

export const FRAME_KINDS = ['random', 'prefix', 'truncatedVarint', 'hugeLength', 'junkAwareness', 'corruptedUpdate'] as const;
export type FrameKind = (typeof FRAME_KINDS)[number];

export interface FrameMaker {
  /** one malformed frame of a random kind, and which kind it is */
  next(): { kind: FrameKind; bytes: Uint8Array };
  /** hand-built bad updates (tests/relay/badUpdates.ts): each must close its socket with 1008 */
  bad: Uint8Array[];
}

export function frameMaker(random: Random): FrameMaker {
  const seeds = seedFrames(random);
  const bad = Object.values(badUpdates());
  const junkStates = ['{', '{"role":', 'null', '[]', '"x"', '{"role":"facilitator"}', '\u0000\uffff', '{"a":' + '1'.repeat(9000) + '}'];
  const make: Record<FrameKind, () => Uint8Array> = {
    random: () => bytes(Math.floor(random() * 48), random),
    // a valid message type and sync type, then garbage or the head of a bad update
    prefix: () =>
      frame((e) => {
        encoding.writeVarUint(e, Math.floor(random() * 6));
        encoding.writeVarUint(e, Math.floor(random() * 4));
        if (random() < 0.5) encoding.writeVarUint8Array(e, pick(bad, random).subarray(0, Math.floor(random() * 12)));
        else encoding.writeUint8Array(e, bytes(Math.floor(random() * 24), random));
      }),
    // a varint whose continuation bit promises a byte that never comes
    truncatedVarint: () => {
      const head = pick([[], [0], [0, 2], [1], [0, 0]], random);
      return Uint8Array.from([...head, ...Array.from({ length: 1 + Math.floor(random() * 9) }, () => 0x80 | Math.floor(random() * 128))]);
    },
    // a length prefix far beyond the frame (and beyond any buffer the relay would allocate)
    hugeLength: () =>
      frame((e) => {
        encoding.writeVarUint(e, random() < 0.8 ? 0 : 1);
        if (random() < 0.8) encoding.writeVarUint(e, Math.floor(random() * 3));
        encoding.writeVarUint(e, pick([2 ** 31, 2 ** 32 - 1, 2 ** 40, Number.MAX_SAFE_INTEGER, 1 << 20], random));
        encoding.writeUint8Array(e, bytes(Math.floor(random() * 16), random));
      }),
    junkAwareness: () => {
      const inner = frame((e) => {
        const n = random() < 0.2 ? 2 ** 20 : 1 + Math.floor(random() * 3);
        encoding.writeVarUint(e, n);
        for (let i = 0; i < Math.min(n, 3); i++) {
          encoding.writeVarUint(e, random() < 0.2 ? 2 ** 40 : Math.floor(random() * 2 ** 32));
          encoding.writeVarUint(e, Math.floor(random() * 100));
          encoding.writeVarString(e, pick(junkStates, random));
        }
      });
      return frame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, random() < 0.3 ? inner.subarray(0, Math.floor(random() * inner.length)) : inner);
      });
    },
    corruptedUpdate: () => mutate(pick(seeds, random), random),
  };
  // mutations of valid frames reach deepest into the decoders: they get the largest share
  const weights: [FrameKind, number][] = [
    ['random', 0.2],
    ['prefix', 0.1],
    ['truncatedVarint', 0.1],
    ['hugeLength', 0.1],
    ['junkAwareness', 0.1],
    ['corruptedUpdate', 0.4],
  ];
  return {
    bad,
    next() {
      let r = random();
      for (const [kind, weight] of weights) {
        if (r < weight) return { kind, bytes: make[kind]() };
        r -= weight;
      }
      return { kind: 'corruptedUpdate', bytes: make.corruptedUpdate() };
    },
  };
}
