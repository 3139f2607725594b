// The summary's read model (a plain snapshot of both shared docs, rebuilt on any change) and the
// facilitator's summary settings: the conclusion text and which sections are hidden.
import * as Y from 'yjs';
import { rootsOf, type JsonRoots } from '@common/json';
import { rootFields } from './core';
import { fieldsView, type View } from './views';
import { ControlRoots } from '@common/schema';

export type SummaryDocs = { meeting: JsonRoots; control: JsonRoots };

const views = new WeakMap<Y.Doc, View<SummaryDocs>>();
const groupViews = new WeakMap<Y.Doc, View<JsonRoots>>();

/** A burst of updates (a reveal of 300 notes) becomes one rebuild 50 ms after it. */
function throttled(docs: Y.Doc[], read: () => void, notify: () => void): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const refresh = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      read();
      notify();
    }, 50);
  };
  for (const doc of docs) doc.on('update', refresh);
}

function listenerSet() {
  const listeners = new Set<() => void>();
  return {
    notify: () => {
      for (const l of [...listeners]) l();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A group document's roots as plain JSON (its answers' Y.Text read as strings). */
export function groupRootsView(group: Y.Doc): View<JsonRoots> {
  const cached = groupViews.get(group);
  if (cached) return cached;
  const { notify, subscribe } = listenerSet();
  let snapshot = rootsOf(group);
  throttled([group], () => (snapshot = rootsOf(group)), notify);
  const view: View<JsonRoots> = { get: () => snapshot, subscribe };
  groupViews.set(group, view);
  return view;
}

/** Both docs as plain roots; a new object after every change to either (throttled to one per frame-ish tick). */
export function summaryDocsView(meeting: Y.Doc, control: Y.Doc): View<SummaryDocs> {
  const cached = views.get(meeting);
  if (cached) return cached;
  const { notify, subscribe } = listenerSet();
  let snapshot: SummaryDocs = { meeting: rootsOf(meeting), control: rootsOf(control) };
  throttled([meeting, control], () => (snapshot = { meeting: rootsOf(meeting), control: rootsOf(control) }), notify);
  const view: View<SummaryDocs> = { get: () => snapshot, subscribe };
  views.set(meeting, view);
  return view;
}

export const summarySettings = (control: Y.Doc) => rootFields(control, ControlRoots.summary);

/** The conclusion and hidden sections, updated at once (the conclusion field is bound to it). */
export function summarySettingsView(control: Y.Doc): View<Partial<{ conclusion: string; hidden: string[] }>> {
  return fieldsView(summarySettings(control));
}

/** Written by the relay when the facilitator closes or reopens the meeting. */
export function lifecycleView(control: Y.Doc): View<Partial<{ closed: boolean; changedAt: number }>> {
  return fieldsView(rootFields(control, ControlRoots.lifecycle));
}
