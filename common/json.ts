// Plain JSON as read from a Yjs document (Y.Map → object, Y.Array → array): the one shape the
// readers, relay actions, migrations, archives and summaries take documents in.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
/** One document as plain data: root name → JSON of that top-level map. */
export type JsonRoots = Record<string, JsonObject>;

/** What rootsOf needs of a Y.Doc (structural, so common/ stays free of packages). */
export interface DocLike {
  share: { keys(): Iterable<string> };
  getMap(name: string): { toJSON(): unknown };
}

/** Every top-level map of a document as plain JSON; a root some client made as another type is left out. */
export function rootsOf(doc: DocLike): JsonRoots {
  const roots: JsonRoots = {};
  for (const name of doc.share.keys()) {
    try {
      roots[name] = doc.getMap(name).toJSON() as JsonObject;
    } catch {
      // not a map: no root of ours
    }
  }
  return roots;
}
