// "Lämnas över till": typing stays local, one write on Enter or leaving the field.
import { useId, useState } from 'react';
import { Limits } from '@common/schema';
import { setHandOverTo, type ParkedRef } from '@/doc/parking';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';

export function HandOverField({ item, value, subject }: { item: ParkedRef; value: string; subject: string }) {
  const t = useT();
  const { docs } = useMeeting();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft.trim() !== value) setHandOverTo(docs.meeting, item, draft);
    setDraft(null);
  };
  return (
    <div className="parking-handover">
      <label htmlFor={id}>
        {t('clustering.parking.handOver')}
      </label>
      <input
        id={id}
        aria-label={t('clustering.parking.handOverNamed', { text: subject })}
        value={draft ?? value}
        maxLength={Limits.textMax}
        onFocus={() => setDraft(value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          else if (e.key === 'Escape') {
            setDraft(null);
            e.currentTarget.blur();
          }
        }}
      />
    </div>
  );
}
