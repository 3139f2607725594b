// Hand-built Yjs v1 updates that no honest client writes, for the relay's robustness and fuzz tests.
import * as encoding from 'lib0/encoding';

const u8 = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

/** One map entry `root[key] = content` from `client` at `clock`, written byte by byte. */
export function mapItem(
  client: number,
  { root = 'clusters', key = 'k', clock = 0, content = 'x', ds = [] as [number, number, number][] } = {},
): Uint8Array {
  return u8((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    encoding.writeUint8(e, 4 | 32); // string content, with a parentSub
    encoding.writeVarUint(e, 1); // parent is a root type
    encoding.writeVarString(e, root);
    encoding.writeVarString(e, key);
    encoding.writeVarString(e, content);
    writeDs(e, ds);
  });
}

function writeDs(e: encoding.Encoder, ds: [number, number, number][]): void {
  encoding.writeVarUint(e, ds.length);
  for (const [client, clock, len] of ds) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, clock);
    encoding.writeVarUint(e, len);
  }
}

/** A zero-length item: Yjs stores it, and the next edit of that key throws "Unexpected case". */
export const zeroLengthItem = (client = 424242, key = 'k') => mapItem(client, { key, content: '' });

/** An item whose left origin points at itself (a dangling origin). */
export function selfOrigin(client = 515151): Uint8Array {
  return u8((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 4 | 128);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 5);
    encoding.writeVarString(e, 'abc');
    encoding.writeVarUint(e, 0);
  });
}

/** A delete set with a zero-length range. */
export const brokenDeleteSet = (client = 616161) =>
  u8((e) => {
    encoding.writeVarUint(e, 0);
    writeDs(e, [[client, 0, 0]]);
  });

/** Every hand-built bad update, by name. */
export function badUpdates(): Record<string, Uint8Array> {
  return {
    zeroLengthItem: zeroLengthItem(),
    zeroLengthItemMaxClient: zeroLengthItem(2 ** 32 - 1),
    clientOutsideUint32: mapItem(2 ** 32 + 5),
    hugeClock: mapItem(7, { clock: 2 ** 50 }),
    selfOrigin: selfOrigin(),
    brokenDeleteSet: brokenDeleteSet(),
    deleteSetOverflow: u8((e) => {
      encoding.writeVarUint(e, 0);
      writeDs(e, [[9, 2 ** 40, 2 ** 40]]);
    }),
    unknownContentRef: u8((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 77);
      encoding.writeVarUint(e, 0);
      encoding.writeUint8(e, 20 | 32);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'clusters');
      encoding.writeVarString(e, 'k');
      encoding.writeVarUint(e, 0);
    }),
    unknownTypeRef: u8((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 78);
      encoding.writeVarUint(e, 0);
      encoding.writeUint8(e, 7 | 32);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'clusters');
      encoding.writeVarString(e, 'k');
      encoding.writeVarUint(e, 42);
      encoding.writeVarUint(e, 0);
    }),
    structCountLie: u8((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 2 ** 31);
      encoding.writeVarUint(e, 79);
    }),
    trailingBytes: new Uint8Array([...mapItem(80), 1, 2, 3]),
  };
}
