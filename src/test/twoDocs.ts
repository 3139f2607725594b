// Two in-memory docs relaying updates to each other (valtio-y's createTwoDocsWithRelay as model).
import * as Y from 'yjs';

export interface Relay {
  a: Y.Doc;
  b: Y.Doc;
  /** stop relaying: edits made now are concurrent until resume() */
  pause(): void;
  /** exchange everything missed and relay live again */
  resume(): void;
}

export function twoDocsWithRelay(): Relay {
  const a = new Y.Doc();
  const b = new Y.Doc();
  let live = true;
  a.on('update', (u: Uint8Array, origin: unknown) => {
    if (live && origin !== 'relay') Y.applyUpdate(b, u, 'relay');
  });
  b.on('update', (u: Uint8Array, origin: unknown) => {
    if (live && origin !== 'relay') Y.applyUpdate(a, u, 'relay');
  });
  return {
    a,
    b,
    pause() {
      live = false;
    },
    resume() {
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'relay');
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'relay');
      live = true;
    },
  };
}
