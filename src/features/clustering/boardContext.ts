// What the board's pieces share without prop drilling: read-only mode and naming of new clusters.
import { createContext, useContext } from 'react';
import type { DropTargetStore } from './stackTarget';

export interface BoardContextValue {
  readOnly: boolean;
  /** default name for the next cluster ("Kluster 3") */
  nextClusterName(): string;
  /** a cluster was just created here: its name field takes focus, selected for renaming */
  clusterCreated(clusterId: string | null): void;
  /** the cluster whose name should take focus, if any */
  renameClusterId: string | null;
  /** what a drag would land on now (stackTarget.ts) */
  dropTarget?: DropTargetStore;
}

export const BoardContext = createContext<BoardContextValue>({
  readOnly: true,
  nextClusterName: () => '',
  clusterCreated: () => {},
  renameClusterId: null,
});

export const useBoardContext = () => useContext(BoardContext);

export const noteDndId = (id: string) => `note:${id}`;
export const clusterDndId = (id: string) => `cluster:${id}`;
