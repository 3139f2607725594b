// The facilitator's clustering controls: let participants move their own notes, undo/redo, counts.
import { setParticipantsMayMove } from '@/doc/facilitator/clustersSettings';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { UndoButtons } from './UndoButtons';
import { useBoardModel } from './useBoardModel';
import { useParticipantsMayMove } from './useClusteringSettings';
import './clusteringPhone.css';

export function ClusteringConsole() {
  const t = useT();
  const { docs } = useMeeting();
  const mayMove = useParticipantsMayMove();
  const board = useBoardModel();
  return (
    <section className="clustering-phone clustering-console" aria-label={t('clustering.title')}>
      <label className="clustering-phone-row">
        <input
          type="checkbox"
          role="switch"
          checked={mayMove}
          onChange={(e) => setParticipantsMayMove(docs.control, e.target.checked)}
          style={{ width: 24, height: 24 }}
        />
        {t('clustering.console.mayMove')}
      </label>
      <UndoButtons />
      <p aria-live="polite">
        {t('clustering.console.counts', {
          clusters: board.clusters.length,
          loose: board.loose.length,
          parked: board.parkedNotes.length + board.parkedClusters.length,
        })}
      </p>
    </section>
  );
}
