import { describe, expect, it } from 'vitest';
import * as ws from 'ws';
import { binaryFrame } from './frame';

// ws's own framing, which its types do not export
const { Sender } = ws as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } };

describe('a websocket frame built once for a room', () => {
  it('is byte for byte what ws would send for the same payload, at every length encoding', () => {
    for (const length of [0, 1, 125, 126, 127, 65535, 65536, 70000]) {
      const payload = Uint8Array.from({ length }, (_, i) => i % 251);
      const expected = Buffer.concat(
        Sender.frame(Buffer.from(payload), { fin: true, opcode: 2, mask: false, readOnly: true, rsv1: false }),
      );
      expect(binaryFrame(payload).equals(expected), `length ${length}`).toBe(true);
    }
  });
});
