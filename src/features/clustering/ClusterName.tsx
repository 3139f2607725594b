// Inline cluster name: typing stays local, one write on Enter or leaving the field; Escape reverts.
import { useEffect, useRef, useState } from 'react';
import { Limits } from '@common/schema';
import { renameCluster } from '@/doc/clusters';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useBoardContext } from './boardContext';

export function ClusterName({ clusterId, name }: { clusterId: string; name: string }) {
  const t = useT();
  const { docs } = useMeeting();
  const { readOnly, renameClusterId, clusterCreated } = useBoardContext();
  const [draft, setDraft] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const focusNow = renameClusterId === clusterId;

  useEffect(() => {
    if (!focusNow || !input.current) return;
    input.current.focus();
    input.current.select();
    clusterCreated(null);
  }, [focusNow, clusterCreated]);

  if (readOnly) return <h3 className="cluster-name">{name}</h3>;

  const commit = () => {
    if (draft !== null && draft.trim() !== '' && draft.trim() !== name) renameCluster(docs.meeting, clusterId, draft);
    setDraft(null);
  };

  return (
    <input
      ref={input}
      className="cluster-name"
      aria-label={t('clustering.cluster.nameLabel')}
      value={draft ?? name}
      maxLength={Limits.clusterNameMax}
      onFocus={() => setDraft(name)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          commit();
          e.currentTarget.blur();
        } else if (e.key === 'Escape') {
          setDraft(null);
          e.currentTarget.blur();
        }
      }}
    />
  );
}
