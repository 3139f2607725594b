// The walk-through as every board, the console and the phones compute it: the same pages from the
// same notes (common/stagePages.ts), and the page shown now on the server's clock.
import { useMemo } from 'react';
import type { Note } from '@common/schema';
import { paginate, WALK_LAYOUT, type PageItem, type StagePage } from '@common/stagePages';
import { walkPageAt } from '@common/walkthrough';
import { notesView } from '@/doc/boardView';
import { byOrder } from '@common/order';
import { walkSectionsView, walkthroughView } from '@/doc/walkthrough';
import { useMeeting } from '@/store/meeting';
import { useServerNow } from '@/store/session';
import { useView } from '@/store/useView';

export const noteItem = (note: Note): PageItem => ({ id: note.id, text: note.text, metaLines: note.tag || note.authorName ? 1 : 0 });

export type Walkthrough = ReturnType<typeof useWalkthrough>;

export function useWalkthrough() {
  const { docs } = useMeeting();
  const state = useView(walkthroughView(docs.control));
  const { sections } = useView(walkSectionsView(docs.control));
  const notes = useView(notesView(docs.meeting));
  const { pages, sectionCount } = useMemo(() => {
    const all = [...notes.values()].sort(byOrder);
    let groups: Note[][] = [all];
    if (state.byAuthor && sections.length > 0) {
      const placed = new Set<string>();
      groups = sections.map((ids) => ids.flatMap((id) => (notes.has(id) ? (placed.add(id), [notes.get(id)!]) : [])));
      // a note the relay has not grouped yet (it is on its way) still gets its page
      groups.push(all.filter((n) => !placed.has(n.id)));
      groups = groups.filter((g) => g.length > 0);
    }
    return { pages: paginate(groups.map((g) => g.map(noteItem)), WALK_LAYOUT) as StagePage[], sectionCount: groups.length };
  }, [notes, sections, state.byAuthor]);
  // auto paging turns on the server's clock: every board turns at the same moment
  const now = useServerNow(state.active && state.autoSeconds > 0 ? 250 : 60_000);
  const page = walkPageAt(state, pages.length, now);
  return { state, pages, page, sectionCount, notes, now, byAuthor: state.byAuthor && sections.length > 0 };
}
