// The projected board during gathering: only counts before the reveal, then every note.
import { memo, useMemo, useRef } from 'react';
import { Hyphenated } from '@/components/Hyphenated';
import { useFitList } from '@/components/useFitList';
import type { Note } from '@common/schema';
import { notesView } from '@/doc/boardView';
import { byOrder } from '@common/order';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';
import { useGatheringSettings } from './useGathering';
import { useProgress } from './useProgress';
import { useWalkthrough } from './useWalkthrough';
import { WalkthroughBoard } from './WalkthroughBoard';
import './gathering.css';
import './gatheringBoard.css';

export function GatheringBoard() {
  const t = useT();
  const settings = useGatheringSettings();
  const { role } = useMeeting();
  const walk = useWalkthrough();
  // after the reveal the facilitator may walk the room through every note, a page at a time
  if (settings.revealed && walk.state.active) return <WalkthroughBoard controls={role === 'stage'} walk={walk} />;
  return (
    // the shell's h1 already names the phase
    <section className="gathering-board" aria-label={t('gathering.title')}>
      {settings.revealed ? <RevealedNotes showAuthors={settings.showAuthors} /> : <Counts perParticipant={settings.mode === 'individual'} />}
    </section>
  );
}

function Counts({ perParticipant }: { perParticipant: boolean }) {
  const t = useT();
  const progress = useProgress();
  const list = useRef<HTMLUListElement>(null);
  const more = useFitList(list, [progress.participants, progress.writers.length, t]);
  return (
    <>
      <p className="gathering-board-count" aria-live="polite">
        {t('gathering.board.counts', {
          notes: progress.total,
          writers: progress.writers.length,
          participants: progress.participants,
        })}
      </p>
      <p className="gathering-board-hint">{t('gathering.board.hint')}</p>
      {perParticipant && progress.participants > 0 && (
        <>
          <h2 className="visually-hidden">{t('gathering.board.perParticipant')}</h2>
          <ul ref={list} className="gathering-board-people fit-list">
            {[...progress.writers, ...progress.waiting].map((p) => (
              <li key={p.id} className={progress.countOf(p.id) > 0 ? 'has-written' : undefined}>
                <span>{p.name}</span>{' '}
                <strong>{t('gathering.board.participantCount', { count: progress.countOf(p.id) })}</strong>
              </li>
            ))}
          </ul>
          {more > 0 && <p className="fit-more">{t('gathering.board.morePeople', { count: more })}</p>}
        </>
      )}
    </>
  );
}

function RevealedNotes({ showAuthors }: { showAuthors: boolean }) {
  const t = useT();
  const { docs } = useMeeting();
  const map = useView(notesView(docs.meeting));
  const notes = useMemo(() => [...map.values()].sort(byOrder), [map]);
  const list = useRef<HTMLUListElement>(null);
  // 300 notes never fit legibly: the board shows what fits and how many more the phones and clustering show
  const more = useFitList(list, [notes, showAuthors, t]);
  if (notes.length === 0) return <p>{t('gathering.board.none')}</p>;
  return (
    <>
      <h2>{t('gathering.board.revealedHeading', { count: notes.length })}</h2>
      <ul ref={list} className="gathering-board-grid fit-list">
        {notes.map((note) => (
          <RevealedNote key={note.id} note={note} showAuthors={showAuthors} />
        ))}
      </ul>
      {more > 0 && <p className="fit-more">{t('gathering.board.moreNotes', { count: more })}</p>}
    </>
  );
}

const RevealedNote = memo(function RevealedNote({ note, showAuthors }: { note: Note; showAuthors: boolean }) {
  const t = useT();
  return (
    <li className={`gathering-board-note note-color-${note.color}`} data-note-id={note.id}>
      <p className="note-text">
        <Hyphenated text={note.text} />
      </p>
      {(note.tag || (showAuthors && note.authorName)) && (
        <p className="gathering-board-note-meta">
          {note.tag}
          {showAuthors && note.authorName && ` ${t('gathering.board.by', { name: note.authorName })}`}
        </p>
      )}
    </li>
  );
});
