// After the reveal a phone reads the whole board: every note, grouped by cluster as on the board,
// read-only, own notes marked. Plain text at the phone's own size (pinch zoom is never locked).
// No dnd-kit here: phones stay light.
import type { Note } from '@common/schema';
import type { NoteStack } from '@/doc/boardModel';
import { useT } from '@/i18n/useT';
import { useBoardModel } from './useBoardModel';
import { useMyRevealedNoteIds } from './useMyRevealedNoteIds';
import './clusteringPhone.css';

const notesOf = (stacks: NoteStack[]): Note[] => stacks.flatMap((s) => [s.top, ...s.stacked]);

export function WholeBoardPhone() {
  const t = useT();
  const board = useBoardModel();
  const mine = useMyRevealedNoteIds();
  const loose = notesOf(board.loose);
  const total = board.clusters.reduce((n, g) => n + notesOf(g.stacks).length, loose.length);
  return (
    <section className="whole-board" aria-labelledby="whole-board-h">
      <h2 id="whole-board-h">{t('clustering.phone.wholeBoard', { count: total })}</h2>
      {board.clusters.map(({ cluster, stacks }) => (
        <NoteGroup key={cluster.id} title={cluster.name} label={t('clustering.cluster.region', { name: cluster.name })} notes={notesOf(stacks)} mine={mine} />
      ))}
      {loose.length > 0 && <NoteGroup title={t('clustering.phone.unsorted')} label={t('clustering.phone.unsorted')} notes={loose} mine={mine} />}
    </section>
  );
}

function NoteGroup({ title, label, notes, mine }: { title: string; label: string; notes: Note[]; mine: ReadonlySet<string> }) {
  const t = useT();
  return (
    <section className="clustering-phone-cluster" aria-label={label}>
      <h3>
        {title} <span className="whole-board-count">({notes.length})</span>
      </h3>
      <ul className="clustering-phone-list">
        {notes.map((note) => (
          <li key={note.id} className={`clustering-phone-note note-color-${note.color}${mine.has(note.id) ? ' is-mine' : ''}`} data-note-id={note.id}>
            {note.text}
            {note.tag && <span className="whole-board-tag"> – {note.tag}</span>}
            {mine.has(note.id) && <strong className="clustering-phone-tag"> ({t('clustering.phone.mine')})</strong>}
          </li>
        ))}
      </ul>
    </section>
  );
}
