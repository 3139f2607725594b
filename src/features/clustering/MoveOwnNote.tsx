// A participant moves one of their own notes with a select and a button (no drag and drop on phones).
import { useId, useState } from 'react';
import type { Note } from '@common/schema';
import type { ClusterGroup } from '@/doc/boardModel';
import { moveOwnNote } from '@/doc/notes';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';

const LOOSE = '__loose';

export function MoveOwnNote({ note, current, clusters }: { note: Note; current: string | null; clusters: ClusterGroup[] }) {
  const t = useT();
  const { docs } = useMeeting();
  const id = useId();
  const [target, setTarget] = useState(current ?? LOOSE);
  const move = () => {
    if (!docs.private) return;
    moveOwnNote({ control: docs.control, private: docs.private }, note.id, target === LOOSE ? null : target);
  };
  return (
    <li className={`clustering-phone-mine note-color-${note.color}`}>
      <p className="clustering-phone-text">{note.text}</p>
      {/* the note's text is right above: say it once on screen, in full to a screen reader */}
      <label htmlFor={id}>
        <span aria-hidden="true">{t('clustering.phone.moveTo')}</span>
        <span className="visually-hidden">{t('clustering.phone.moveLabel', { text: note.text })}</span>
      </label>
      <div className="clustering-phone-row">
        <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value={LOOSE}>{t('clustering.note.loose')}</option>
          {clusters.map((g) => (
            <option key={g.cluster.id} value={g.cluster.id}>
              {g.cluster.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={move} disabled={target === (current ?? LOOSE)}>
          {t('clustering.phone.move')}
        </button>
      </div>
    </li>
  );
}
