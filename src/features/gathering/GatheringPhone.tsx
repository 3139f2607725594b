// The participant's phone during "Identifiera brister": write notes privately, one after another.
import { useT } from '@/i18n/useT';
import { useConnection } from '@/store/session';
import { MyNoteItem } from './MyNoteItem';
import { NoteComposer } from './NoteComposer';
import { useGatheringSettings, useMyNotes } from './useGathering';
import './gathering.css';

export function GatheringPhone() {
  const t = useT();
  const settings = useGatheringSettings();
  const notes = useMyNotes();
  const connection = useConnection();
  const offline = connection.status === 'offline' || connection.status === 'reconnecting';
  const lastGroup = notes.length > 0 ? notes[notes.length - 1].group : 1;

  return (
    <section className="gathering-phone" aria-labelledby="gathering-phone-title">
      <h1 id="gathering-phone-title">{t('gathering.title')}</h1>
      <p>{t('gathering.phone.intro')}</p>
      <p className="gathering-privacy">{settings.revealed ? t('gathering.phone.revealed') : t('gathering.phone.privacy')}</p>
      {offline && (
        <p className="gathering-offline" role="status">
          {t('gathering.phone.offline')}
        </p>
      )}
      <NoteComposer groupCount={settings.mode === 'group' ? settings.groupCount : null} initialGroup={lastGroup} />
      <h2>{t('gathering.mine.heading', { count: notes.filter((n) => n.state !== 'removed').length })}</h2>
      {notes.length === 0 ? (
        <p>{t('gathering.mine.empty')}</p>
      ) : (
        <ul className="gathering-mynotes">
          {notes.map((note) => (
            <MyNoteItem key={note.id} note={note} />
          ))}
        </ul>
      )}
    </section>
  );
}
