// The cluster's actions without dragging: merge, move earlier/later, park, dissolve.
import { useEffect, useRef } from 'react';
import { deleteCluster, mergeClusters, moveCluster } from '@/doc/facilitator/clusters';
import { parkCluster } from '@/doc/facilitator/parking';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useBoardModel } from './useBoardModel';

export function ClusterMenu({ clusterId, name, onClose }: { clusterId: string; name: string; onClose(): void }) {
  const t = useT();
  const { docs } = useMeeting();
  const board = useBoardModel();
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const ids = board.clusters.map((g) => g.cluster.id);
  const at = ids.indexOf(clusterId);
  const others = board.clusters.filter((g) => g.cluster.id !== clusterId);
  const done = (fn: () => void) => {
    fn();
    onClose();
  };
  return (
    <div className="cluster-menu" role="group" aria-label={t('clustering.cluster.menu', { name })} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      {others.length > 0 && (
        <label>
          {t('clustering.cluster.mergeLabel')}
          <select ref={first} value="" onChange={(e) => e.target.value && done(() => mergeClusters(docs.meeting, clusterId, e.target.value))}>
            <option value="">{t('clustering.choose')}</option>
            {others.map((g) => (
              <option key={g.cluster.id} value={g.cluster.id}>
                {g.cluster.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {at > 0 && (
        <button type="button" onClick={() => done(() => moveCluster(docs.meeting, clusterId, ids[at - 2] ?? null, ids[at - 1]))}>
          {t('clustering.cluster.moveEarlier')}
        </button>
      )}
      {at >= 0 && at < ids.length - 1 && (
        <button type="button" onClick={() => done(() => moveCluster(docs.meeting, clusterId, ids[at + 1], ids[at + 2] ?? null))}>
          {t('clustering.cluster.moveLater')}
        </button>
      )}
      <button type="button" onClick={() => done(() => parkCluster(docs.meeting, clusterId))}>
        {t('clustering.cluster.park')}
      </button>
      <button type="button" onClick={() => done(() => deleteCluster(docs.meeting, clusterId))}>
        {t('clustering.cluster.delete')}
      </button>
      <button type="button" onClick={onClose}>
        {t('clustering.close')}
      </button>
    </div>
  );
}
