// The phone: every next step, "Jag tar den" on a free one (through the outbox), and "Mina nästa steg".
import { Fragment, useRef, useState } from 'react';
import { canVolunteer } from '@common/nextSteps';
import type { View } from '@/doc/views';
import { volunteer, volunteerRequestsView } from '@/doc/nextSteps';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';
import { useNextSteps, useOwnerLabel } from './useNextSteps';
import { useDueText } from './useDue';
import { DUE_NEXT_MEETING } from '@common/nextSteps';
import './nextsteps.css';

const NONE = {};
const NO_FIELDS: View<Partial<Record<string, boolean>>> = { get: () => NONE, subscribe: () => () => {} };

export function NextStepsPhone() {
  const t = useT();
  const { docs, participantId } = useMeeting();
  const steps = useNextSteps();
  const owner = useOwnerLabel();
  const dueText = useDueText();
  const pending = useView(docs.private ? volunteerRequestsView(docs.private) : NO_FIELDS);
  const mine = steps.filter((s) => s.ownerKind === 'participant' && s.ownerId === participantId);
  // the button pressed turns into "sent": the focus goes to that text, not back to the page. The
  // text stays after the relay answered (it takes the request out of the outbox), so the focus it
  // holds is not dropped a moment later
  const tookHere = useRef<string | null>(null);
  const [sentHere, setSentHere] = useState<ReadonlySet<string>>(new Set());
  const focusIfTookHere = (id: string) => (el: HTMLParagraphElement | null) => {
    if (el && tookHere.current === id) {
      tookHere.current = null;
      el.focus();
    }
  };
  // who · by when · mandate; the date never breaks at its hyphens ("2027-01-" / "15")
  const describe = (s: (typeof steps)[number]) =>
    [
      owner(s),
      s.due ? <span className="nextsteps-due">{s.due === DUE_NEXT_MEETING ? dueText(s.due) : t('nextsteps.byDate', { date: dueText(s.due) })}</span> : '',
      s.mandate === 'propose' ? t('nextsteps.mandate.proposeTo', { to: s.proposeTo || '…' }) : t('nextsteps.mandate.decide'),
    ]
      .filter(Boolean)
      .map((part, i) => (
        <Fragment key={i}>
          {i > 0 && ' · '}
          {part}
        </Fragment>
      ));
  return (
    <section className="nextsteps-phone" aria-labelledby="nextsteps-phone-title">
      <h1 id="nextsteps-phone-title">{t('nextsteps.title')}</h1>
      <h2>{t('nextsteps.mine', { count: mine.length })}</h2>
      {mine.length === 0 ? (
        <p>{t('nextsteps.mineNone')}</p>
      ) : (
        <ul className="nextsteps-list">
          {mine.map((s) => (
            <li key={s.id}>
              <p className="nextsteps-what">{s.what}</p>
              <p>{describe(s)}</p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('nextsteps.all', { count: steps.length })}</h2>
      {steps.length === 0 ? (
        <p>{t('nextsteps.none')}</p>
      ) : (
        <ul className="nextsteps-list">
          {steps.map((s) => (
            <li key={s.id}>
              <p className="nextsteps-what">{s.what || '…'}</p>
              <p>{describe(s)}</p>
              {(canVolunteer(s) || sentHere.has(s.id)) && docs.private &&
                (pending[s.id] || sentHere.has(s.id) ? (
                  <p role="status" tabIndex={-1} ref={focusIfTookHere(s.id)}>
                    {t('nextsteps.volunteerSent')}
                  </p>
                ) : (
                  <button
                    type="button"
                    className="nextsteps-take"
                    aria-label={t('nextsteps.volunteerNamed', { what: s.what })}
                    onClick={() => {
                      tookHere.current = s.id;
                      setSentHere((ids) => new Set(ids).add(s.id));
                      volunteer(docs.private!, s.id);
                    }}
                  >
                    {t('nextsteps.volunteer')}
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
