// The summary's read model (a plain snapshot of both shared docs, rebuilt on any change) and the
// facilitator's summary settings: the conclusion text and which sections are hidden.
import * as Y from 'yjs';
import { CONCLUSION_MAX, SECTION_IDS, SummaryRoots, type SectionId } from '@common/summary';
import type { ArchiveRoots } from '@common/archive';
import { rootFields, transact } from './core';
import { fieldsView, type View } from './views';

/** Every top-level map of a doc as plain JSON. */
export function docRoots(doc: Y.Doc): ArchiveRoots {
  const roots: ArchiveRoots = {};
  for (const name of doc.share.keys()) {
    try {
      roots[name] = doc.getMap(name).toJSON();
    } catch {
      // not a map: no root of ours
    }
  }
  return roots;
}

export type SummaryDocs = { meeting: ArchiveRoots; control: ArchiveRoots };

const views = new WeakMap<Y.Doc, View<SummaryDocs>>();

/** Both docs as plain roots; a new object after every change to either (throttled to one per frame-ish tick). */
export function summaryDocsView(meeting: Y.Doc, control: Y.Doc): View<SummaryDocs> {
  const cached = views.get(meeting);
  if (cached) return cached;
  const listeners = new Set<() => void>();
  let snapshot: SummaryDocs = { meeting: docRoots(meeting), control: docRoots(control) };
  let timer: ReturnType<typeof setTimeout> | null = null;
  const refresh = () => {
    if (timer) return;
    // a reveal of 300 notes is one burst of updates: rebuild once after it
    timer = setTimeout(() => {
      timer = null;
      snapshot = { meeting: docRoots(meeting), control: docRoots(control) };
      for (const l of [...listeners]) l();
    }, 50);
  };
  meeting.on('update', refresh);
  control.on('update', refresh);
  const view: View<SummaryDocs> = {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  views.set(meeting, view);
  return view;
}

const settings = (control: Y.Doc) => rootFields(control, SummaryRoots.summary);

export function setConclusion(control: Y.Doc, text: string): void {
  transact(control, () => settings(control).set('conclusion', text.slice(0, CONCLUSION_MAX)));
}

export function setSectionHidden(control: Y.Doc, id: SectionId, hidden: boolean): void {
  transact(control, () => {
    const map = settings(control);
    const current = (Array.isArray(map.get('hidden')) ? (map.get('hidden') as string[]) : []).filter((s) => s !== id);
    const next = hidden ? [...current, id] : current;
    map.set('hidden', SECTION_IDS.filter((s) => next.includes(s)));
  });
}

/** The conclusion and hidden sections, updated at once (the conclusion field is bound to it). */
export function summarySettingsView(control: Y.Doc): View<Partial<{ conclusion: string; hidden: string[] }>> {
  return fieldsView(settings(control));
}

/** Written by the relay when the facilitator closes or reopens the meeting. */
export function lifecycleView(control: Y.Doc): View<Partial<{ closed: boolean; changedAt: number }>> {
  return fieldsView(rootFields(control, SummaryRoots.lifecycle));
}
