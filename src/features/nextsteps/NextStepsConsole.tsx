// The facilitator turns chosen solutions into next steps and edits every field.
import { addStep } from '@/doc/facilitator/nextSteps';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { StepEditor } from './StepEditor';
import { useNextSteps } from './useNextSteps';
import { useOrigins } from './useOrigins';
import './nextsteps.css';

export function NextStepsConsole() {
  const t = useT();
  const { docs } = useMeeting();
  const steps = useNextSteps();
  const origins = useOrigins();
  const sources = origins.solutions.length > 0 ? origins.solutions : origins.areas;
  return (
    <section className="nextsteps-console" aria-label={t('nextsteps.title')}>
      <h2>{t('nextsteps.chosen')}</h2>
      {sources.length === 0 ? (
        <p>{t('nextsteps.noChosen')}</p>
      ) : (
        <ul className="nextsteps-sources">
          {sources.map((s) => (
            <li key={s.id}>
              <span>{s.label}</span>
              <button type="button" className="btn" onClick={() => addStep(docs.meeting, origins.solutions.length > 0 ? { solutionId: s.id, areaId: s.areaId } : { areaId: s.id })}>
                {t('nextsteps.addFor', { label: s.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn--primary" onClick={() => addStep(docs.meeting)}>
        {t('nextsteps.add')}
      </button>
      <h2>{t('nextsteps.list', { count: steps.length })}</h2>
      {steps.map((step, i) => (
        <StepEditor key={step.id} step={step} index={i} originLabel={origins.labelOf(step.solutionId || step.areaId)} />
      ))}
    </section>
  );
}
