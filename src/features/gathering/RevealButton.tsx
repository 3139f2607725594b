// Reveal with an inline confirmation (a mistaken reveal cannot be taken back).
import { useEffect, useRef, useState } from 'react';
import { reveal } from '@/doc/facilitator/gathering';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';

export function RevealButton({ revealed }: { revealed: boolean }) {
  const t = useT();
  const { docs } = useMeeting();
  const [confirming, setConfirming] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) yes.current?.focus();
  }, [confirming]);

  if (revealed) return <p role="status">{t('gathering.console.revealed')}</p>;
  if (!confirming) {
    return (
      <button ref={start} type="button" className="gathering-reveal" onClick={() => setConfirming(true)}>
        {t('gathering.console.reveal')}
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby="gathering-reveal-question" className="gathering-confirm">
      <p id="gathering-reveal-question">{t('gathering.console.revealConfirm')}</p>
      <div className="gathering-row">
        <button
          ref={yes}
          type="button"
          className="gathering-reveal"
          onClick={() => {
            reveal(docs.control);
            setConfirming(false);
          }}
        >
          {t('gathering.console.revealYes')}
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          {t('gathering.console.revealCancel')}
        </button>
      </div>
    </div>
  );
}
