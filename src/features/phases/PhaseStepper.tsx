import { useEffect, useRef, useState } from 'react';
import { PHASES, type PhaseId } from '@common/schema';
import { Button } from '@/components/Button';
import { goToPhase, includePhase, movePhase, neighbourPhase, nextPhase, previousPhase, skipPhase } from '@/doc/facilitator/phase';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { usePhase } from '@/store/meetingHooks';

/** The facilitator moves the meeting through its phases; phones and board follow by themselves. */
export function PhaseStepper() {
  const t = useT();
  const { docs } = useMeeting();
  const state = usePhase();
  const [editing, setEditing] = useState(false);
  const name = (p: PhaseId) => t(`shell.phase.${p}`);
  const prev = neighbourPhase(state, -1);
  const next = neighbourPhase(state, 1);
  const skipped = PHASES.filter((p) => !state.phases.includes(p));
  const position = state.phases.indexOf(state.current);
  // "Nästa fas" turns disabled on the last phase and the browser drops its focus: it goes to the
  // current phase in the list instead, where a keyboard user can go on
  const list = useRef<HTMLOListElement>(null);
  const nextPressed = useRef(false);
  const current = state.current;
  useEffect(() => {
    if (!nextPressed.current) return;
    nextPressed.current = false;
    if (!next) list.current?.querySelector<HTMLButtonElement>('[aria-current="step"]')?.focus();
  }, [current, next]);

  return (
    <nav className="stepper" aria-labelledby="stepper-h">
      <h2 id="stepper-h">{t('shell.phases.heading')}</h2>
      {position >= 0 && <p className="stepper__step">{t('shell.phases.step', { n: position + 1, total: state.phases.length })}</p>}
      <ol className="stepper__list" ref={list}>
        {state.phases.map((p, i) => (
          <li key={p} className={p === state.current ? 'stepper__item stepper__item--current' : 'stepper__item'}>
            <span className="stepper__num" aria-hidden="true">
              {i + 1}.
            </span>
            {/* named by what it shows, "Gå till" before it for screen readers (axe: label-content-name-mismatch) */}
            <Button
              variant={p === state.current ? 'primary' : 'ghost'}
              aria-current={p === state.current ? 'step' : undefined}
              onClick={() => goToPhase(docs.control, p)}
            >
              <span className="visually-hidden">{t('shell.phases.goToPrefix')}</span> {name(p)}
              {p === state.current && <span className="stepper__now"> ({t('shell.phases.current')})</span>}
            </Button>
            {editing && (
              <span className="row row--tight">
                <Button onClick={() => movePhase(docs.control, p, -1)} disabled={i === 0} aria-label={t('shell.phases.moveUp', { phase: name(p) })}>
                  ↑
                </Button>
                <Button
                  onClick={() => movePhase(docs.control, p, 1)}
                  disabled={i === state.phases.length - 1}
                  aria-label={t('shell.phases.moveDown', { phase: name(p) })}
                >
                  ↓
                </Button>
                <Button onClick={() => skipPhase(docs.control, p)} disabled={state.phases.length <= 1}>
                  {t('shell.phases.skip', { phase: name(p) })}
                </Button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {editing && skipped.length > 0 && (
        <ul className="plain-list">
          {skipped.map((p) => (
            <li key={p}>
              <span>
                {name(p)} ({t('shell.phases.skipped')})
              </span>{' '}
              <Button onClick={() => includePhase(docs.control, p)}>{t('shell.phases.include', { phase: name(p) })}</Button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <Button onClick={() => previousPhase(docs.control)} disabled={!prev}>
          <span aria-hidden="true">← </span>
          {t('shell.phases.previous')}
        </Button>
        <Button
          variant="primary"
          onClick={() => {
            nextPressed.current = true;
            nextPhase(docs.control);
          }}
          disabled={!next}
        >
          {t('shell.phases.next')}
          <span aria-hidden="true"> →</span>
        </Button>
        <Button variant="ghost" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {editing ? t('shell.phases.doneEditing') : t('shell.phases.edit')}
        </Button>
      </div>
    </nav>
  );
}
