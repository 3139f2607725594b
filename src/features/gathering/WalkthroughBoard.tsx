// The walk-through on the projected board: every note at stage size, a page at a time, in the
// columns common/stagePages.ts packed them into (the same pages on every board and the console).
import { memo, useCallback, useEffect, useRef } from 'react';
import { useOverflowing, useViewportKey } from '@/components/useOverflowing';
import { Hyphenated } from '@/components/Hyphenated';
import type { Note } from '@common/schema';
import { setWalkPage } from '@/doc/facilitator/walkthrough';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import type { Walkthrough } from './useWalkthrough';
import './walkthrough.css';

/** controls: the facilitator's board window pages with ←/→ and two buttons; the view-only board follows. */
export function WalkthroughBoard({ controls, walk }: { controls: boolean; walk: Walkthrough }) {
  const t = useT();
  const page = walk.pages[walk.page];
  const turn = useWalkTurn(walk.page, walk.pages.length, walk.now);
  useWalkKeys(controls, turn, walk.page);
  // the pages are packed with room to spare; should a board still be short of it (a foot on two
  // lines, an odd font), its notes go to the stage minimum rather than past the edge
  const columns = useRef<HTMLDivElement>(null);
  const tight = useOverflowing(columns, `${walk.page}|${walk.pages.length}|${useViewportKey()}`);
  return (
    <section className="walk" aria-label={t('walk.title')}>
      <header className="walk-head">
        <h2>{t('walk.heading')}</h2>
        {/* announced on every turn: where the room is */}
        <p className="walk-where" aria-live="polite" aria-atomic="true">
          {t('walk.page', { page: walk.page + 1, count: Math.max(1, walk.pages.length) })}
          {walk.byAuthor && page && ` · ${t('walk.author', { n: page.section + 1, count: walk.sectionCount })}`}
        </p>
        {controls && <WalkButtons page={walk.page} count={walk.pages.length} turn={turn} />}
      </header>
      <div ref={columns} className={`walk-columns${tight ? ' is-tight' : ''}`} data-walk-page={walk.page}>
        {page?.columns.map((column, i) => (
          <ul key={i} className="walk-column">
            {column.map((id) => {
              const note = walk.notes.get(id);
              return note ? <WalkNote key={id} note={note} /> : null;
            })}
          </ul>
        ))}
      </div>
    </section>
  );
}

export function WalkButtons({ page, count, turn }: { page: number; count: number; turn: (page: number) => void }) {
  const t = useT();
  return (
    <div className="walk-buttons">
      <button type="button" onClick={() => turn(page - 1)} disabled={page <= 0} aria-keyshortcuts="ArrowLeft">
        ← <span className="visually-hidden">{t('walk.prev')}</span>
      </button>
      <button type="button" onClick={() => turn(page + 1)} disabled={page >= count - 1} aria-keyshortcuts="ArrowRight">
        → <span className="visually-hidden">{t('walk.next')}</span>
      </button>
    </div>
  );
}

/** Writes the page for every board (clamped to the pass). */
export function useWalkTurn(page: number, count: number, now: number) {
  const { docs } = useMeeting();
  return useCallback(
    (next: number) => {
      const clamped = Math.max(0, Math.min(count - 1, next));
      if (clamped !== page) setWalkPage(docs.control, clamped, now);
    },
    [docs.control, page, count, now],
  );
}

/** ← and → turn the page, unless the focus is in a field or on a control that uses arrows itself. */
export function useWalkKeys(enabled: boolean, turn: (page: number) => void, page: number) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="slider"], [role="radiogroup"]')) return;
      event.preventDefault();
      turn(page + (event.key === 'ArrowRight' ? 1 : -1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, turn, page]);
}

const WalkNote = memo(function WalkNote({ note }: { note: Note }) {
  return (
    <li className={`walk-note note-color-${note.color}`} data-note-id={note.id}>
      <p className="note-text">
        <Hyphenated text={note.text} />
      </p>
      {(note.tag || note.authorName) && (
        <p className="walk-note-meta">
          {note.tag}
          {note.tag && note.authorName && ' · '}
          {note.authorName}
        </p>
      )}
    </li>
  );
});
