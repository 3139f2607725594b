// Where a board move came from: the facilitator's undo history (facilitator/undo.ts) tracks only
// this origin, so it never undoes a participant's or a remote change.

/** Origin of board moves (cluster, stack, park, delete, rename) made on this device. */
export const CLUSTERING_ORIGIN = 'clustering';

