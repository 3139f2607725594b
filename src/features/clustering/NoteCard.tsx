// One note (with its stacked duplicates) on the board: draggable, a drop target, and a menu with
// the same actions for keyboard and screen-reader users. The outer part re-renders when dnd-kit's
// context changes (a drag starts or ends); the memoised face re-renders only when its notes change.
import { memo, useRef, useState } from 'react';
import { useDraggable, useDroppable, type DraggableAttributes, type DraggableSyntheticListeners } from '@dnd-kit/core';
import { Hyphenated } from '@/components/Hyphenated';
import type { NoteStack } from '@/doc/boardModel';
import { useT } from '@/i18n/useT';
import { noteDndId, useBoardContext } from './boardContext';
import type { DragData, DropData } from './dropAction';
import { NoteMenu } from './NoteMenu';
import { useDragDropRef } from './useDragDropRef';
import { useIsDropTarget } from './stackTarget';

interface Props {
  stack: NoteStack;
  clusterId: string | null;
}

function NoteCardInner({ stack, clusterId }: Props) {
  const t = useT();
  const { readOnly, dropTarget } = useBoardContext();
  const { top } = stack;
  const id = noteDndId(top.id);
  const drag = useDraggable({
    id,
    data: { kind: 'note', id: top.id } satisfies DragData,
    disabled: readOnly,
    attributes: { roleDescription: t('clustering.note.roleDescription') },
  });
  // no ResizeObserver per card (500 made and dropped at every drag): the cluster or tray around it
  // re-measures its notes when it changes size (ClusterColumn, LooseTray)
  const drop = useDroppable({ id, data: { kind: 'note', id: top.id, clusterId } satisfies DropData, disabled: readOnly, resizeObserverConfig: NO_RESIZE_OBSERVER });
  // what a drag would land on is kept apart from dnd-kit's "over" (stackTarget.ts)
  const over = useIsDropTarget(dropTarget, (target) => target.kind === 'note' && target.id === top.id);
  const className = ['note-card', `note-color-${top.color}`, drag.isDragging && 'is-dragging', over && 'is-over']
    .filter(Boolean)
    .join(' ');
  const setRef = useDragDropRef(drag, drop);
  return (
    <li ref={setRef} className={className} data-note-id={top.id}>
      <NoteFace
        stack={stack}
        clusterId={clusterId}
        readOnly={readOnly}
        attributes={readOnly ? undefined : drag.attributes}
        listeners={readOnly ? undefined : drag.listeners}
      />
    </li>
  );
}

interface FaceProps extends Props {
  readOnly: boolean;
  attributes: DraggableAttributes | undefined;
  listeners: DraggableSyntheticListeners;
}

const NoteFace = memo(function NoteFace({ stack, clusterId, readOnly, attributes, listeners }: FaceProps) {
  const t = useT();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const { top, stacked } = stack;
  const closeMenu = () => {
    setMenuOpen(false);
    // back to the button that opened it (if the note moved elsewhere, the browser drops focus to the page)
    menuButton.current?.focus();
  };
  return (
    <>
      {/* named by its content: text, tag and author, as seen (axe: label-content-name-mismatch) */}
      <div className="note-card-body" {...attributes} {...listeners}>
        <p className="note-card-text">
          <Hyphenated text={top.text} />
        </p>
        {(top.tag || top.authorName) && (
          <p className="note-card-meta">
            {top.tag}
            {top.authorName && ` ${t('clustering.note.by', { name: top.authorName })}`}
          </p>
        )}
        {stacked.length > 0 && <p className="note-card-stack">{stacked.length === 1 ? t('clustering.note.stackedOne') : t('clustering.note.stacked', { count: stacked.length })}</p>}
      </div>
      {!readOnly && (
        <button
          ref={menuButton}
          type="button"
          className="note-card-menu-button"
          aria-expanded={menuOpen}
          aria-label={t('clustering.note.menu', { text: top.text })}
          onClick={() => setMenuOpen((open) => !open)}
        >
          ⋯
        </button>
      )}
      {menuOpen && <NoteMenu stack={stack} clusterId={clusterId} onClose={closeMenu} />}
    </>
  );
}, sameFace);

function sameStack(a: Props, b: Props): boolean {
  return (
    a.stack.top === b.stack.top &&
    a.clusterId === b.clusterId &&
    a.stack.stacked.length === b.stack.stacked.length &&
    a.stack.stacked.every((note, i) => note === b.stack.stacked[i])
  );
}

function sameFace(a: FaceProps, b: FaceProps): boolean {
  return sameStack(a, b) && a.readOnly === b.readOnly && a.attributes === b.attributes && a.listeners === b.listeners;
}

export const NoteCard = memo(NoteCardInner, sameStack);

const NO_RESIZE_OBSERVER = { disabled: true };
