// One next step in the console: what, who, by when, mandate and status, each saved as typed.
import { useId } from 'react';
import { STEP_STATUSES, type NextStep } from '@common/schema';
import { deleteStep, updateStep } from '@/doc/facilitator/nextSteps';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useParticipants } from '@/store/meetingHooks';
import { inputMaxLength } from '@common/text';
import { TextRules } from '@common/records';
import { DUE_NEXT_MEETING } from '@common/nextSteps';
import { dueAgainstNext } from '@common/term';
import { useNextMeetingDate } from './useDue';

export function StepEditor({ step, index, originLabel }: { step: NextStep; index: number; originLabel: string }) {
  const t = useT();
  const { docs } = useMeeting();
  const participants = useParticipants();
  const id = useId();
  const update = (fields: Partial<NextStep>) => updateStep(docs.meeting, step.id, fields);
  const nextDate = useNextMeetingDate();
  const beforeNext = step.due === DUE_NEXT_MEETING;
  const due = dueAgainstNext(step.due, nextDate);
  const owner = step.ownerKind === 'participant' ? `p:${step.ownerId}` : step.ownerKind;
  return (
    <fieldset className="step-editor">
      <legend>{t('nextsteps.step', { n: index + 1 })}</legend>
      {originLabel && <p className="step-origin">{t('nextsteps.from', { label: originLabel })}</p>}
      <label htmlFor={`${id}-what`}>{t('nextsteps.what')}</label>
      <input id={`${id}-what`} type="text" value={step.what} maxLength={inputMaxLength(TextRules.stepWhat)} onChange={(e) => update({ what: e.target.value })} />
      <label htmlFor={`${id}-who`}>{t('nextsteps.who')}</label>
      <select
        id={`${id}-who`}
        value={owner}
        onChange={(e) => {
          const v = e.target.value;
          if (v.startsWith('p:')) update({ ownerKind: 'participant', ownerId: v.slice(2) });
          else update({ ownerKind: v as NextStep['ownerKind'], ownerId: '' });
        }}
      >
        <option value="">{t('nextsteps.owner.nobody')}</option>
        <option value="forum">{t('nextsteps.owner.forum')}</option>
        <option value="text">{t('nextsteps.owner.other')}</option>
        {[...participants.values()].map((p) => (
          <option key={p.id} value={`p:${p.id}`}>
            {p.organisation ? `${p.name} (${p.organisation})` : p.name}
          </option>
        ))}
      </select>
      {step.ownerKind === 'text' && (
        <>
          <label htmlFor={`${id}-owner`}>{t('nextsteps.ownerText')}</label>
          <input id={`${id}-owner`} type="text" value={step.ownerText} maxLength={inputMaxLength(TextRules.stepOwner)} onChange={(e) => update({ ownerText: e.target.value })} />
        </>
      )}
      <label htmlFor={`${id}-due`}>{t('nextsteps.due')}</label>
      <div className="step-due">
        <input
          id={`${id}-due`}
          type="date"
          value={beforeNext ? '' : step.due}
          disabled={beforeNext}
          aria-describedby={due.kind === 'date' && due.late ? `${id}-late` : undefined}
          onChange={(e) => update({ due: e.target.value })}
        />
        <label className="step-due-next">
          <input type="checkbox" checked={beforeNext} onChange={(e) => update({ due: e.target.checked ? DUE_NEXT_MEETING : '' })} />
          {nextDate ? t('term.due.choiceDated', { date: nextDate }) : t('term.due.choice')}
        </label>
        {due.kind === 'date' && due.late && (
          <p className="step-due-late" id={`${id}-late`}>
            <span aria-hidden="true">⚠ </span>
            {t('term.due.lateNote', { next: due.nextDate })}
          </p>
        )}
      </div>
      <label htmlFor={`${id}-mandate`}>{t('nextsteps.mandate')}</label>
      <select id={`${id}-mandate`} value={step.mandate} onChange={(e) => update({ mandate: e.target.value as NextStep['mandate'] })}>
        <option value="decide">{t('nextsteps.mandate.decide')}</option>
        <option value="propose">{t('nextsteps.mandate.propose')}</option>
      </select>
      {step.mandate === 'propose' && (
        <>
          <label htmlFor={`${id}-to`}>{t('nextsteps.proposeTo')}</label>
          <input id={`${id}-to`} type="text" value={step.proposeTo} maxLength={inputMaxLength(TextRules.proposeTo)} onChange={(e) => update({ proposeTo: e.target.value })} />
        </>
      )}
      <label htmlFor={`${id}-status`}>{t('nextsteps.status')}</label>
      <select id={`${id}-status`} value={step.status} onChange={(e) => update({ status: e.target.value as NextStep['status'] })}>
        {STEP_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`nextsteps.status.${s}`)}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn--danger step-delete" onClick={() => deleteStep(docs.meeting, step.id)}>
        {t('nextsteps.delete', { n: index + 1 })}
      </button>
    </fieldset>
  );
}
