// The four questions of a group, each a list of answers. Editable for members and the facilitator
// (each box bound to a shared text, see AnswerField), read-only on the board.
import { useId, useState } from 'react';
import { flushSync } from 'react-dom';
import type { GroupDocHandle } from '@/sync/openGroupDoc';
import { GROUP_QUESTIONS } from '@common/schema';
import { addAnswer, deleteAnswer } from '@/doc/groups';
import { useT } from '@/i18n/useT';
import { useLanguageStore } from '@/i18n/language';
import { useParticipants } from '@/store/meetingHooks';
import { AnswerField } from './AnswerField';
import { useAnswers } from './useDeepDive';
import { useTyping, type Typist } from './useTyping';
import { Hyphenated } from '@/components/Hyphenated';

export function GroupAnswers({ group, editable, headingLevel = 2 }: { group: GroupDocHandle | null; editable: boolean; headingLevel?: 2 | 3 }) {
  const t = useT();
  const lang = useLanguageStore((s) => s.lang);
  const doc = group?.doc ?? null;
  const answers = useAnswers(doc);
  const typing = useTyping(editable ? group?.presence ?? null : null);
  const participants = useParticipants();
  // the box this device just added takes the caret; another's new box does not
  const [added, setAdded] = useState<string | null>(null);
  const base = useId();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  if (!doc) return <p>{t('deepdive.loading')}</p>;
  const typingNote = (who: readonly Typist[] | undefined) => {
    if (!who || who.length === 0) return null;
    const names = who.map((id) => (id === null ? t('deepdive.facilitator') : participants.get(id)?.name || t('deepdive.someone')));
    return t('deepdive.typing', { names: new Intl.ListFormat(lang, { type: 'conjunction' }).format(names), count: names.length });
  };
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
                      <AnswerField
                        doc={doc}
                        answerId={a.id}
                        label={t('deepdive.answerLabel', { q: t(`deepdive.q.${q}`), n: i + 1 })}
                        autoFocus={a.id === added}
                        typing={typing}
                        othersTyping={typingNote(typing.others.get(a.id))}
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
              <button type="button" className="btn dd-add" onClick={() => flushSync(() => setAdded(addAnswer(doc, q)))}>
                {q === 'solutions' ? t('deepdive.addProposal') : t('deepdive.addAnswer', { q: t(`deepdive.q.${q}`) })}
              </button>
            )}
          </section>
        );
      })}
    </div>
  );
}
