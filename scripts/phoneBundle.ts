// What a phone downloads, read from the build's manifest: the entry and everything it imports,
// statically or lazily, except below the facilitator's route (console, board, summary, viewer).
// One rule for the service worker's precache (vite.config.ts) and the byte budget (chunks.test.ts):
// a new or renamed chunk is counted because it is reachable, not because of its name.

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** Below this module is only what facilitator devices load; a phone never goes there. */
export const FACILITATOR_ROUTE = 'src/app/FacilitatorRoute.tsx';

/** Manifest keys of every chunk a phone can download in a whole meeting, in either language. */
export function phoneChunks(manifest: Record<string, ManifestChunk>): string[] {
  if (!manifest[FACILITATOR_ROUTE]) throw new Error(`${FACILITATOR_ROUTE} is not a chunk of its own: the phone's boundary moved`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || key === FACILITATOR_ROUTE || !manifest[key]) return;
    seen.add(key);
    for (const next of [...(manifest[key].imports ?? []), ...(manifest[key].dynamicImports ?? [])]) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...seen];
}

/** The module graph, as a plugin sees it after the build phase (Rollup/Rolldown ModuleInfo). */
interface Graph {
  ids(): Iterable<string>;
  info(id: string): { isEntry: boolean; importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null;
}

/**
 * Which build chunk each module goes in, by who downloads it. A phone reaches every phase's view
 * in a meeting (and the service worker stores them all), so the phone's code is one chunk instead
 * of fifty small ones that each compress on their own (~18 KB gzipped of difference); what both
 * the phone and the facilitator's route use after joining is another. The join and start pages
 * are a third, apart from both: the join form never waits for meeting code.
 */
export type ChunkGroup = 'join' | 'meeting' | 'phone';

/**
 * Modules a phone's code imports but never calls, left for the bundler to place with the code that
 * does: yjs's undo manager (only the facilitator's board undo uses it) comes in through yjs's own
 * index on every device. The byte budget (chunks.test.ts) walks the manifest, so a module that
 * lands back in a phone's chunk is still counted.
 */
const FACILITATOR_ONLY = [/\/node_modules\/yjs\/src\/utils\/UndoManager\.js$/];

export function chunkGroups(graph: Graph, root: string): Map<string, ChunkGroup> {
  const at = (file: string) => [...graph.ids()].find((id) => id === `${root}/${file}`);
  const closure = (starts: (string | undefined)[], lazy: boolean) => {
    const seen = new Set<string>();
    const stack = starts.filter((s): s is string => Boolean(s));
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const info = graph.info(id);
      if (info) stack.push(...info.importedIds, ...(lazy ? info.dynamicallyImportedIds : []));
    }
    return seen;
  };
  const phoneRoute = at('src/app/PhoneRoute.tsx');
  const facilitator = at(FACILITATOR_ROUTE);
  if (!phoneRoute || !facilitator) throw new Error('phone chunks: PhoneRoute.tsx or FacilitatorRoute.tsx is not in the build');
  const entry = closure([...graph.ids()].filter((id) => graph.info(id)?.isEntry), false);
  const early = closure([at('src/app/JoinRoute.tsx'), at('src/app/LandingRoute.tsx')], false);
  const facilitators = closure([facilitator], true);
  // the routes stay chunks of their own: the server preloads a route's chunk and its imports by
  // the route's name in the manifest (server/http/static.ts)
  const routes = new Set([phoneRoute, at('src/app/JoinRoute.tsx')]);
  const ungrouped = (id: string) => entry.has(id) || routes.has(id) || id.includes('/src/i18n/') || FACILITATOR_ONLY.some((re) => re.test(id));
  const groups = new Map<string, ChunkGroup>();
  for (const id of early) if (!ungrouped(id)) groups.set(id, 'join');
  for (const id of closure([phoneRoute], true)) {
    if (ungrouped(id) || early.has(id)) continue;
    groups.set(id, facilitators.has(id) ? 'meeting' : 'phone');
  }
  return groups;
}
