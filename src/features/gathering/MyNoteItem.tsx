// One of my notes: text (wrapping), colour and state as text; edit/delete while it is a draft.
import { useState } from 'react';
import type { PrivateNote } from '@common/schema';
import { checkNoteText, deletePrivateNote, editPrivateNote, NoteLockedError, type NoteTextProblem } from '@/doc/privateNotes';
import { Limits } from '@common/schema';
import { useMeeting } from '@/store/meeting';
import { useT } from '@/i18n/useT';

export function MyNoteItem({ note, onBoard = false }: { note: PrivateNote; onBoard?: boolean }) {
  const t = useT();
  const { docs } = useMeeting();
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<NoteTextProblem | null>(null);
  const isDraft = note.state === 'draft';

  function run(fn: () => void) {
    try {
      fn();
    } catch (error) {
      // revealed in the meantime: the item re-renders locked
      if (!(error instanceof NoteLockedError)) throw error;
      setEditing(null);
    }
  }

  function save() {
    if (editing === null || !docs.private) return;
    const checked = checkNoteText(editing);
    if (!checked.ok) return setProblem(checked.problem);
    run(() => editPrivateNote(docs.private!, note.id, { text: checked.text }));
    setEditing(null);
    setProblem(null);
  }

  return (
    <li className={`gathering-mynote note-color-${note.color}${note.state === 'removed' ? ' is-removed' : ''}${onBoard ? ' is-on-board' : ''}`} data-my-note-id={note.id}>
      {editing !== null && isDraft ? (
        <div className="gathering-edit">
          <label>
            {t('gathering.mine.editLabel')}
            <textarea value={editing} rows={3} onChange={(e) => setEditing(e.target.value)} aria-invalid={problem ? true : undefined} />
          </label>
          {problem && (
            <p className="gathering-error" role="alert">
              {problem === 'empty'
                ? t('gathering.note.error.empty')
                : t('gathering.note.error.tooLong', { max: Limits.noteMax })}
            </p>
          )}
          <div className="gathering-row">
            <button type="button" onClick={save}>
              {t('gathering.mine.save')}
            </button>
            <button type="button" onClick={() => (setEditing(null), setProblem(null))}>
              {t('gathering.mine.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="gathering-mynote-text">{note.text}</p>
          <p className="gathering-mynote-meta">
            {t(`gathering.color.${note.color}`)}
            {note.tag && ` · ${note.tag}`}
            {note.group > 0 && ` · ${t('gathering.group.option', { n: note.group })}`}
            {' · '}
            {t(`gathering.state.${note.state}`)}
          </p>
          {onBoard && <p className="walk-mine">{t('walk.phone.onBoard')}</p>}
          {isDraft && (
            <div className="gathering-row">
              <button
                type="button"
                aria-label={t('gathering.mine.editNamed', { text: note.text })}
                onClick={() => setEditing(note.text)}
              >
                {t('gathering.mine.edit')}
              </button>
              <button
                type="button"
                aria-label={t('gathering.mine.deleteNamed', { text: note.text })}
                onClick={() => run(() => deletePrivateNote(docs.private!, note.id))}
              >
                {t('gathering.mine.delete')}
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
}
