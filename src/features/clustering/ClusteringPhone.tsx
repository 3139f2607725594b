// The participant's phone while clustering: the clusters live, and moving their own notes when
// allowed. Must never import dnd-kit (directly or through the board's files): phones stay light.
import { useMemo } from 'react';
import type { Note } from '@common/schema';
import { useT } from '@/i18n/useT';
import { MoveOwnNote } from './MoveOwnNote';
import { WholeBoardPhone } from './WholeBoardPhone';
import { useBoardModel } from './useBoardModel';
import { useParticipantsMayMove } from './useClusteringSettings';
import { useMyRevealedNoteIds } from './useMyRevealedNoteIds';
import './clusteringPhone.css';

export function ClusteringPhone() {
  const t = useT();
  const board = useBoardModel();
  const mayMove = useParticipantsMayMove();
  const mine = useMyRevealedNoteIds();
  const myNotes = useMemo(() => {
    const found: Note[] = [];
    for (const stack of [...board.loose, ...board.clusters.flatMap((g) => g.stacks)]) {
      for (const note of [stack.top, ...stack.stacked]) if (mine.has(note.id)) found.push(note);
    }
    return found;
  }, [board, mine]);

  return (
    <section className="clustering-phone" aria-labelledby="clustering-phone-title">
      <h1 id="clustering-phone-title">{t('clustering.title')}</h1>
      <p>{t('clustering.phone.intro')}</p>
      {mayMove && myNotes.length > 0 && (
        <section aria-labelledby="clustering-phone-mine">
          <h2 id="clustering-phone-mine">{t('clustering.phone.myNotes')}</h2>
          <p>{t('clustering.phone.mayMove')}</p>
          <ul className="clustering-phone-list">
            {myNotes.map((note) => (
              <MoveOwnNote key={note.id} note={note} current={board.clusterOfNote.get(note.id) ?? null} clusters={board.clusters} />
            ))}
          </ul>
        </section>
      )}
      {board.clusters.length === 0 && <p>{t('clustering.phone.noClusters')}</p>}
      {/* every note, the unsorted ones too, as on the board */}
      <WholeBoardPhone />
    </section>
  );
}
