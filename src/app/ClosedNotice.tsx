// Once the facilitator closes the meeting the relay refuses every write: the board, the viewer and
// the phones say so, and phones switch their forms off instead of sending into nothing.
import type { ReactNode } from 'react';
import { lifecycleView } from '@/doc/summary';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';
import './closed.css';

export function useMeetingClosed(): boolean {
  const { docs } = useMeeting();
  return useView(lifecycleView(docs.control)).closed === true;
}

export function ClosedNotice({ variant }: { variant: 'board' | 'phone' }) {
  const t = useT();
  return (
    <p role="status" id={`closed-notice-${variant}`} className={`closed-notice closed-notice--${variant}`}>
      {t(variant === 'board' ? 'summary.closed.board' : 'summary.closed.phone')}
    </p>
  );
}

/** The phone's forms, disabled with the notice above them while the meeting is closed. */
export function ClosedForms({ children }: { children: ReactNode }) {
  const closed = useMeetingClosed();
  return (
    <>
      {closed && <ClosedNotice variant="phone" />}
      <fieldset className="closed-forms" disabled={closed} aria-describedby={closed ? 'closed-notice-phone' : undefined}>
        {children}
      </fieldset>
    </>
  );
}
