// The facilitator's moderation list: unrevealed notes, each with "Ta bort".
import { requestRemoveNote } from '@/doc/facilitator/gathering';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useInbox } from './useInbox';

export function InboxList() {
  const t = useT();
  const { docs } = useMeeting();
  const notes = useInbox();
  return (
    <section aria-labelledby="gathering-inbox-title">
      <h2 id="gathering-inbox-title">{t('gathering.console.inbox', { count: notes.length })}</h2>
      <p>{t('gathering.console.inboxHint')}</p>
      {notes.length === 0 ? (
        <p>{t('gathering.console.inboxEmpty')}</p>
      ) : (
        <ul className="gathering-inbox">
          {notes.map((note) => (
            <li key={note.id} className={`gathering-mynote note-color-${note.color}`}>
              <p className="gathering-mynote-text">{note.text}</p>
              {note.group > 0 && <p className="gathering-mynote-meta">{t('gathering.console.group', { n: note.group })}</p>}
              <button
                type="button"
                aria-label={t('gathering.console.removeNamed', { text: note.text })}
                onClick={() => requestRemoveNote(docs.control, note.id)}
              >
                {t('gathering.console.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
