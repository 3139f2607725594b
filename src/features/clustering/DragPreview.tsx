// What follows the pointer while dragging (inside DragOverlay): a light copy, no hooks, no drag state.
import type { Cluster, Note } from '@common/schema';
import { useT } from '@/i18n/useT';

export function DragPreview({ note, cluster }: { note?: Note; cluster?: Cluster }) {
  const t = useT();
  if (note) {
    return (
      <div className={`note-card note-card-preview note-color-${note.color}`}>
        <p className="note-card-text">{note.text}</p>
      </div>
    );
  }
  if (cluster) {
    return (
      <div className="cluster cluster-preview">
        <p className="cluster-name">{cluster.name || t('clustering.title')}</p>
      </div>
    );
  }
  return null;
}
