// The participant's phone during "Identifiera brister": write notes privately, one after another.
import { useT } from '@/i18n/useT';
import { useConnection } from '@/store/session';
import { MyNoteItem } from './MyNoteItem';
import { NoteComposer } from './NoteComposer';
import { useMemo } from 'react';
import { useGatheringSettings, useMyNotes } from './useGathering';
import { useWalkthrough } from './useWalkthrough';
import './gathering.css';
import './walkthrough.css';

const NONE: ReadonlySet<string> = new Set();

export function GatheringPhone() {
  const t = useT();
  const settings = useGatheringSettings();
  const notes = useMyNotes();
  const connection = useConnection();
  const offline = connection.status === 'offline' || connection.status === 'reconnecting';
  const lastGroup = notes.length > 0 ? notes[notes.length - 1].group : 1;
  // during the walk-through: which of my notes the board shows now (my own ids, from my private doc)
  const walk = useWalkthrough();
  const page = walk.state.active && settings.revealed ? walk.pages[walk.page] : undefined;
  const onBoard = useMemo(() => (page ? new Set(page.columns.flat()) : NONE), [page]);
  const mineOnBoard = notes.filter((n) => n.state === 'revealed' && onBoard.has(n.id)).length;

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
      <p className="gathering-onboard" role="status">
        {mineOnBoard > 0 ? t('walk.phone.mineOnBoard', { count: mineOnBoard }) : null}
      </p>
      <NoteComposer groupCount={settings.mode === 'group' ? settings.groupCount : null} initialGroup={lastGroup} />
      <h2>{t('gathering.mine.heading', { count: notes.filter((n) => n.state !== 'removed').length })}</h2>
      {notes.length === 0 ? (
        <p>{t('gathering.mine.empty')}</p>
      ) : (
        <ul className="gathering-mynotes">
          {notes.map((note) => (
            <MyNoteItem key={note.id} note={note} onBoard={note.state === 'revealed' && onBoard.has(note.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
