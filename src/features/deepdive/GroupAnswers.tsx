// The four questions of a group, each a list of answers. Editable for members and the
// facilitator (every keystroke changes only the differing span of a shared text), read-only on the board.
import { useId } from 'react';
import type { GroupDocHandle } from '@/sync/openGroupDoc';
import { GROUP_QUESTIONS, Limits } from '@common/schema';
import { addAnswer, deleteAnswer, editAnswer } from '@/doc/groups';
import { useT } from '@/i18n/useT';
import { useAnswers } from './useDeepDive';
import { Hyphenated } from '@/components/Hyphenated';

export function GroupAnswers({ doc, editable, headingLevel = 2 }: { doc: GroupDocHandle['doc'] | null; editable: boolean; headingLevel?: 2 | 3 }) {
  const t = useT();
  const answers = useAnswers(doc);
  const base = useId();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  if (!doc) return <p>{t('deepdive.loading')}</p>;
  return (
    <div className="dd-questions">
      {GROUP_QUESTIONS.map((q) => {
        const mine = answers.filter((a) => a.question === q);
        return (
          <section key={q} className="dd-question" aria-labelledby={`${base}-${q}`}>
            <H id={`${base}-${q}`}>{t(`deepdive.q.${q}`)}</H>
            {mine.length === 0 && !editable && <p className="dd-empty">–</p>}
            <ul className="dd-answers">
              {mine.map((a, i) => (
                <li key={a.id}>
                  {editable ? (
                    <div className="dd-answer-edit">
                      <textarea
                        // saved into the group's doc as it is typed: nothing unsent to hold a phase change for
                        data-live=""
                        aria-label={t('deepdive.answerLabel', { q: t(`deepdive.q.${q}`), n: i + 1 })}
                        value={a.text}
                        maxLength={Limits.textMax}
                        rows={2}
                        onChange={(e) => editAnswer(doc, a.id, e.target.value)}
                      />
                      <button type="button" className="btn" aria-label={t('deepdive.deleteAnswer', { n: i + 1, q: t(`deepdive.q.${q}`) })} onClick={() => deleteAnswer(doc, a.id)}>
                        ✕
                      </button>
                    </div>
                  ) : (
                    <span className="dd-answer">
                      <Hyphenated text={a.text} />
                    </span>
                  )}
                </li>
              ))}
            </ul>
            {editable && (
              <button type="button" className="btn dd-add" onClick={() => addAnswer(doc, q)}>
                {q === 'solutions' ? t('deepdive.addProposal') : t('deepdive.addAnswer', { q: t(`deepdive.q.${q}`) })}
              </button>
            )}
          </section>
        );
      })}
    </div>
  );
}
