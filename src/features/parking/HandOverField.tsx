// "Lämnas över till": typing stays local, one write on Enter or leaving the field.
import { useEffect, useId, useRef, useState } from 'react';
import { setHandOverTo, type ParkedRef } from '@/doc/parking';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { inputMaxLength, typedText } from '@common/text';
import { TextRules } from '@common/records';

interface Props {
  item: ParkedRef;
  value: string;
  subject: string;
  /** the item was just parked in this window: the field takes focus */
  focus?: boolean;
  /** the field was left (Enter, Escape or elsewhere) */
  onDone?: () => void;
}

export function HandOverField({ item, value, subject, focus = false, onDone }: Props) {
  const t = useT();
  const { docs } = useMeeting();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<string | null>(null);
  // Escape blurs in the same event, before React re-renders without the draft: skip that commit
  const cancelled = useRef(false);
  useEffect(() => {
    if (!focus) return;
    // two frames later: dnd-kit gives focus back to the dragged item one frame after the drop
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => input.current?.focus());
    });
    return () => (cancelAnimationFrame(outer), cancelAnimationFrame(inner));
  }, [focus]);
  const commit = () => {
    if (!cancelled.current && draft !== null && draft.trim() !== value) setHandOverTo(docs.meeting, item, draft);
    cancelled.current = false;
    setDraft(null);
    onDone?.();
  };
  return (
    <div className="parking-handover">
      <label htmlFor={id}>{t('clustering.parking.handOver')}</label>
      <input
        ref={input}
        id={id}
        aria-label={t('clustering.parking.handOverNamed', { text: subject })}
        value={draft ?? value}
        maxLength={inputMaxLength(TextRules.handOver)}
        onFocus={() => setDraft(value)}
        onChange={(e) => setDraft(typedText(e.target.value, TextRules.handOver))}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          else if (e.key === 'Escape') {
            cancelled.current = true;
            setDraft(null);
            e.currentTarget.blur();
          }
        }}
      />
    </div>
  );
}
