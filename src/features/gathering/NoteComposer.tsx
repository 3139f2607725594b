// Writing one note after another on a phone: the field keeps focus and clears after each add.
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Limits, type NoteColor } from '@common/schema';
import { addPrivateNote, checkNoteText, type NoteTextProblem } from '@/doc/privateNotes';
import { useMeeting } from '@/store/meeting';
import { useSelf } from '@/store/meetingHooks';
import { useT } from '@/i18n/useT';
import { ColorPicker } from './ColorPicker';
import { inputMaxLength, textLength } from '@common/text';
import { TextRules } from '@common/records';

interface Props {
  groupCount: number | null;
  initialGroup: number;
}

export function NoteComposer({ groupCount, initialGroup }: Props) {
  const t = useT();
  const { docs } = useMeeting();
  const self = useSelf();
  const org = self?.organisation.trim() ?? '';
  const [text, setText] = useState('');
  const [color, setColor] = useState<NoteColor>('yellow');
  const [tagged, setTagged] = useState(false);
  const [group, setGroup] = useState(initialGroup || 1);
  const [problem, setProblem] = useState<NoteTextProblem | null>(null);
  const [status, setStatus] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  function add(event?: FormEvent) {
    event?.preventDefault();
    const checked = checkNoteText(text);
    if (!checked.ok) {
      setProblem(checked.problem);
      field.current?.focus();
      return;
    }
    if (!docs.private) return;
    addPrivateNote(docs.private, {
      text: checked.text,
      color,
      tag: tagged ? org : '',
      group: groupCount ? Math.min(group, groupCount) : 0,
    });
    setText('');
    setProblem(null);
    setStatus(t('gathering.note.added'));
    field.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) add(event);
  }

  const remaining = Limits.noteMax - textLength(text.trim());
  const error =
    problem === 'empty'
      ? t('gathering.note.error.empty')
      : problem === 'tooLong'
        ? t('gathering.note.error.tooLong', { max: Limits.noteMax })
        : null;

  return (
    <form className="gathering-composer" onSubmit={add} noValidate>
      <label htmlFor={`${id}-text`} className="gathering-label">
        {t('gathering.note.label')}
      </label>
      <textarea
        id={`${id}-text`}
        ref={field}
        className="gathering-textarea"
        value={text}
        rows={3}
        maxLength={inputMaxLength(TextRules.note)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          setText(e.target.value);
          if (problem) setProblem(null);
          setStatus('');
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className={remaining < 0 ? 'gathering-hint gathering-hint-over' : 'gathering-hint'}>
        {t('gathering.note.remaining', { count: remaining })}
      </p>
      {error && (
        <p id={`${id}-error`} className="gathering-error" role="alert">
          {error}
        </p>
      )}
      {/* right under the field, where the thumb is while typing; the options below persist between notes */}
      <button type="submit" className="gathering-add">
        {t('gathering.note.add')}
      </button>
      <ColorPicker value={color} onChange={setColor} />
      {org && (
        <label className="gathering-check">
          <input type="checkbox" checked={tagged} onChange={(e) => setTagged(e.target.checked)} />
          {t('gathering.tag.mine', { org })}
        </label>
      )}
      {groupCount !== null && (
        <label className="gathering-field">
          {t('gathering.group.label')}
          <select value={group} onChange={(e) => setGroup(Number(e.target.value))}>
            {Array.from({ length: groupCount }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {t('gathering.group.option', { n: i + 1 })}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </form>
  );
}
