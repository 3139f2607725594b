// One answer's box, bound to its shared text (doc/sharedText.ts): the textarea is left to the
// browser and the binding, never re-rendered from the doc, so a remote edit moves no caret and
// an input method's composition is never disturbed. Says "Anna skriver…" when someone else types in it.
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import type { GroupDocHandle } from '@/sync/openGroupDoc';
import { TextRules } from '@common/records';
import { inputMaxLength } from '@common/text';
import { bindAnswer } from '@/doc/groups';
import type { Typing } from './useTyping';

export interface AnswerFieldProps {
  doc: GroupDocHandle['doc'];
  answerId: string;
  label: string;
  /** the box this person just added: the caret goes in */
  autoFocus: boolean;
  typing: Typing;
  /** "Anna skriver…", when someone else types here */
  othersTyping: string | null;
}

export function AnswerField({ doc, answerId, label, autoFocus, typing, othersTyping }: AnswerFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const noteId = useId();
  // the latest callbacks, without binding again on every render
  const typingRef = useRef(typing);
  typingRef.current = typing;
  const focusRef = useRef(autoFocus);

  // in the same task as the tap that added the box (see GroupAnswers), so phones open the keyboard
  useLayoutEffect(() => {
    if (focusRef.current) ref.current?.focus();
    focusRef.current = false;
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const binding = bindAnswer(doc, answerId, el, { focused: () => el.ownerDocument.activeElement === el });
    if (!binding) return;
    const onBeforeInput = () => binding.beforeInput();
    const onInput = (e: Event) => {
      binding.input((e as InputEvent).isComposing === true);
      typingRef.current.typed(answerId);
    };
    const onCompositionStart = () => binding.compositionStart();
    const onCompositionEnd = () => binding.compositionEnd();
    const onBlur = () => typingRef.current.left(answerId);
    el.addEventListener('beforeinput', onBeforeInput);
    el.addEventListener('input', onInput);
    el.addEventListener('compositionstart', onCompositionStart);
    el.addEventListener('compositionend', onCompositionEnd);
    el.addEventListener('blur', onBlur);
    return () => {
      el.removeEventListener('beforeinput', onBeforeInput);
      el.removeEventListener('input', onInput);
      el.removeEventListener('compositionstart', onCompositionStart);
      el.removeEventListener('compositionend', onCompositionEnd);
      el.removeEventListener('blur', onBlur);
      binding.destroy();
      typingRef.current.left(answerId);
    };
  }, [doc, answerId]);

  return (
    <div className="dd-answer-field">
      <textarea
        ref={ref}
        // saved into the group's doc as it is typed: nothing unsent to hold a phase change for
        data-live=""
        aria-label={label}
        aria-describedby={othersTyping ? noteId : undefined}
        maxLength={inputMaxLength(TextRules.groupAnswer)}
        rows={2}
      />
      {othersTyping && (
        <p id={noteId} className="dd-typing">
          {othersTyping}
        </p>
      )}
    </div>
  );
}
