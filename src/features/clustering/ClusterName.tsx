// Inline cluster name: typing stays local, one write on Enter or leaving the field; Escape reverts.
import { useEffect, useRef, useState } from 'react';
import { Hyphenated, useHyphenate } from '@/components/Hyphenated';
import { renameCluster } from '@/doc/facilitator/clusters';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useBoardContext } from './boardContext';
import { inputMaxLength, typedText } from '@common/text';
import { TextRules } from '@common/records';

export function ClusterName({ clusterId, name }: { clusterId: string; name: string }) {
  const t = useT();
  const hyphenate = useHyphenate();
  const { docs } = useMeeting();
  const { readOnly, renameClusterId, clusterCreated } = useBoardContext();
  const [draft, setDraft] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const focusNow = renameClusterId === clusterId;

  useEffect(() => {
    if (!focusNow) return;
    // two frames later: dnd-kit gives focus back to the dragged note one frame after the drop
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => {
        input.current?.focus();
        input.current?.select();
        clusterCreated(null);
      });
    });
    return () => (cancelAnimationFrame(outer), cancelAnimationFrame(inner));
  }, [focusNow, clusterCreated]);

  if (readOnly) {
    return (
      <h2 className="cluster-name">
        <Hyphenated text={name} />
      </h2>
    );
  }

  const commit = () => {
    if (draft !== null && draft.trim() !== '' && draft.trim() !== name) renameCluster(docs.meeting, clusterId, draft);
    setDraft(null);
  };

  return (
    // the name as shown, hyphenated; the textarea lies on it (its text transparent) and takes its
    // place while focused, so a click or Tab edits the plain name
    <div className="cluster-name-edit">
      <p className="cluster-name cluster-name-shown hyphenated" aria-hidden="true">
        {hyphenate(name)}
      </p>
      {/* a textarea so long names wrap on the projector; Enter commits, it never inserts a newline */}
      <textarea
        ref={input}
        rows={1}
        className="cluster-name cluster-name-input"
        aria-label={t('clustering.cluster.nameLabel')}
        value={draft ?? name}
        maxLength={inputMaxLength(TextRules.clusterName)}
        onFocus={() => setDraft(name)}
        onChange={(e) => setDraft(typedText(e.target.value.replace(/\s*\n\s*/g, ' '), TextRules.clusterName))}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
            e.currentTarget.blur();
          } else if (e.key === 'Escape') {
            setDraft(null);
            e.currentTarget.blur();
          }
        }}
      />
    </div>
  );
}
