import { describe, expect, it } from 'vitest';
import type { ClientRect } from '@dnd-kit/core';
import { smallestTargetUnder } from './dragTargets';

const rect = (left: number, top: number, width: number, height: number): ClientRect => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});

/** What dnd-kit hands a collision detection, for targets given as id → rect and droppable data. */
function detect(targets: Record<string, [ClientRect, Record<string, unknown>]>, pointer: { x: number; y: number }) {
  const containers = Object.entries(targets).map(([id, [, data]]) => ({ id, data: { current: data } }));
  const args = {
    active: { id: 'dragged', data: { current: { kind: 'note', id: 'dragged' } } },
    collisionRect: rect(0, 0, 10, 10),
    droppableRects: new Map(Object.entries(targets).map(([id, [r]]) => [id, r])),
    droppableContainers: containers,
    pointerCoordinates: pointer,
  };
  const collide = smallestTargetUnder(() => true);
  return collide(args as unknown as Parameters<typeof collide>[0]).map((c) => c.id);
}

describe('smallestTargetUnder', () => {
  it('takes the smallest target under the pointer: a note wins over its cluster', () => {
    const hits = detect(
      { cluster: [rect(0, 0, 300, 600), { kind: 'cluster' }], note: [rect(10, 40, 280, 60), { kind: 'note' }] },
      { x: 50, y: 60 },
    );
    expect(hits).toEqual(['note', 'cluster']);
  });

  it('a target drawn above the page wins over the larger-or-smaller targets under it', () => {
    // the floating parking zone (352 × 104) over a note (280 × 60) at the bottom of the window
    const targets: Record<string, [ClientRect, Record<string, unknown>]> = {
      note: [rect(900, 600, 280, 60), { kind: 'note' }],
      parking: [rect(900, 580, 352, 104), { kind: 'parking', above: true }],
    };
    expect(detect(targets, { x: 950, y: 620 })[0]).toBe('parking');
    // in its place in the page (not floating) it is one target among others again
    targets.parking[1] = { kind: 'parking', above: false };
    expect(detect(targets, { x: 950, y: 620 })[0]).toBe('note');
    // and outside it, what is under the pointer
    expect(detect(targets, { x: 950, y: 670 })).toEqual(['parking']);
  });
});
