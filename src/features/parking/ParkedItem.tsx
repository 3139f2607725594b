// One parked note or cluster with its hand-over recipient; editable for the facilitator.
import type { Note } from '@common/schema';
import { unpark, type ParkedRef } from '@/doc/parking';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { HandOverField } from './HandOverField';

interface Props {
  item: ParkedRef;
  title: string;
  /** what accessible names refer to (the cluster's plain name); defaults to the title */
  subject?: string;
  /** the notes of a parked cluster, or a note's stacked duplicates */
  notes: Note[];
  handOverTo: string;
  editable: boolean;
  color?: Note['color'];
  /** just parked in this window: the hand-over field takes focus */
  justParked?: boolean;
  onHandOverDone?: () => void;
}

export function ParkedItem({ item, title, subject = title, notes, handOverTo, editable, color, justParked = false, onHandOverDone }: Props) {
  const t = useT();
  const { docs } = useMeeting();
  return (
    <li className={`parking-item${color ? ` note-color-${color}` : ''}${justParked ? ' is-just-parked' : ''}`} data-parked-id={item.id} data-parked-kind={item.kind}>
      <p className="parking-item-title">{title}</p>
      {notes.length > 0 && (
        <ul className="parking-item-notes">
          {notes.map((note) => (
            <li key={note.id}>{note.text}</li>
          ))}
        </ul>
      )}
      {editable ? (
        <div className="parking-item-actions">
          <HandOverField item={item} value={handOverTo} subject={subject} focus={justParked} onDone={onHandOverDone} />
          <button type="button" aria-label={t('clustering.parking.unparkNamed', { text: subject })} onClick={() => unpark(docs.meeting, item)}>
            {t('clustering.parking.unpark')}
          </button>
        </div>
      ) : (
        <p className="parking-item-handover">
          {t('clustering.parking.handOver')}: {handOverTo || t('clustering.parking.notSet')}
        </p>
      )}
    </li>
  );
}
