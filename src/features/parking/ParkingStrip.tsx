// The parking lot on the projector: one line with the count, as many items as fit, then "+N".
// Right after the facilitator parks in this window, that item comes first with its hand-over
// field open above it.
import { useLayoutEffect, useRef, useState } from 'react';
import { useFitList } from '@/components/useFitList';
import type { ParkedRef } from '@/doc/parking';
import { useT } from '@/i18n/useT';
import { HandOverField } from './HandOverField';

export interface StripItem {
  ref: ParkedRef;
  title: string;
  to: string;
}

export function ParkingStrip({ items, editing, onDone }: { items: StripItem[]; editing: ParkedRef | null; onDone: () => void }) {
  const t = useT();
  const list = useRef<HTMLUListElement>(null);
  const open = editing ? items.find((item) => item.ref.kind === editing.kind && item.ref.id === editing.id) : undefined;
  const shown = open ? [open, ...items.filter((item) => item !== open)] : items;
  // the item being handed over stays in the strip while its field is open (its whole title is in the field's box)
  const more = useFitList(list, [shown, t], undefined, { keepFirst: open !== undefined });
  // the field sits on the (first) item, moved left only as far as keeps it inside the strip
  const edit = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; bottom?: number }>({ left: 0 });
  useLayoutEffect(() => {
    const first = list.current?.firstElementChild as HTMLElement | null;
    const strip = list.current?.parentElement;
    if (!open || !first || !strip || !edit.current) return;
    const box = strip.getBoundingClientRect();
    const item = first.getBoundingClientRect();
    const gap = parseFloat(getComputedStyle(edit.current).getPropertyValue('--edit-gap')) || 6;
    // its bottom just above the item's top: the strip's heading is larger than its items and they
    // share a baseline, so the strip's own top lies higher than the item's
    setPlace({ left: Math.max(0, Math.min(item.left - box.left, box.width - edit.current.offsetWidth)), bottom: box.bottom - item.top + gap });
  }, [open]);
  return (
    <section className="parking-strip" aria-labelledby="parking-title-board">
      <h2 id="parking-title-board">{t('clustering.parking.stripHeading', { count: items.length })}</h2>
      <ul ref={list} className="parking-strip-list fit-list">
        {shown.map((item) => (
          <li key={item.ref.id} data-parked-id={item.ref.id} className={item === open ? 'is-just-parked' : undefined}>
            {item.title}
            {/* while its field is open above it the item is its title alone: a long hand-over typed in
                the field would make it wider than the strip, and a cut item is hidden (useFitList) */}
            {item !== open && item.to && ` → ${item.to}`}
          </li>
        ))}
      </ul>
      {more > 0 && <p className="fit-more">{t('shell.board.more', { count: more })}</p>}
      {open && (
        <div ref={edit} className="parking-strip-edit" data-handover-for={open.ref.id} style={place}>
          <p className="parking-strip-edit-title">{open.title}</p>
          <HandOverField item={open.ref} value={open.to} subject={open.title} focus onDone={onDone} />
        </div>
      )}
    </section>
  );
}
