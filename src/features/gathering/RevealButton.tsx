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
  const status = useRef<HTMLParagraphElement>(null);
  // the confirmation goes away with the reveal: the focus goes to what took its place, not back to the page
  const revealedHere = useRef(false);
  useEffect(() => {
    if (confirming) yes.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (revealed && revealedHere.current) {
      revealedHere.current = false;
      status.current?.focus();
    }
  }, [revealed]);

  if (revealed) {
    return (
      <p role="status" tabIndex={-1} ref={status}>
        {t('gathering.console.revealed')}
      </p>
    );
  }
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
            revealedHere.current = true;
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
