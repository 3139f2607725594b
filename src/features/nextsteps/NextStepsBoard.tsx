// The projected list of next steps: what, who, by when, mandate and status, large.
import { useRef } from 'react';
import { useT } from '@/i18n/useT';
import { useFitList } from '@/components/useFitList';
import { useNextSteps, useOwnerLabel } from './useNextSteps';
import { useDueText } from './useDue';
import './nextsteps.css';
import { Hyphenated } from '@/components/Hyphenated';

export function NextStepsBoard() {
  const t = useT();
  const steps = useNextSteps();
  const owner = useOwnerLabel();
  const dueText = useDueText();
  // the stage clips, it never scrolls: steps that do not fit are left out whole, and counted
  const rows = useRef<HTMLTableSectionElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const more = useFitList(rows, [steps, t], frame);
  return (
    <section className="nextsteps-board" aria-label={t('nextsteps.title')}>
      {steps.length === 0 ? (
        <p>{t('nextsteps.none')}</p>
      ) : (
        <>
          <div className="nextsteps-board__rows" ref={frame}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('nextsteps.what')}</th>
                  <th scope="col">{t('nextsteps.who')}</th>
                  <th scope="col">{t('nextsteps.due')}</th>
                  <th scope="col">{t('nextsteps.mandate')}</th>
                  <th scope="col">{t('nextsteps.status')}</th>
                </tr>
              </thead>
              <tbody className="fit-list" ref={rows}>
                {steps.map((step) => (
                  <tr key={step.id}>
                    <td>
                      <Hyphenated text={step.what} />
                    </td>
                    <td>{owner(step)}</td>
                    <td>{dueText(step.due) || '–'}</td>
                    <td>{step.mandate === 'propose' ? t('nextsteps.mandate.proposeTo', { to: step.proposeTo || '…' }) : t('nextsteps.mandate.decide')}</td>
                    <td>{t(`nextsteps.status.${step.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more > 0 && <p className="fit-more">{t('shell.board.more', { count: more })}</p>}
        </>
      )}
    </section>
  );
}
