// Deep-dive groups: who is in which group and its area (control doc, facilitator), the answers to
// the four questions (each group's own doc; every answer is a Y.Text so people typing at once
// never lose a word). The relay puts the d) proposals up for the solution vote (collectSolutions).
import * as Y from 'yjs';
import { simpleDiffString } from 'lib0/diff';
import { ControlRoots, GroupRoots, type DeepDiveGroup, type GroupAnswer, type GroupQuestion, type GroupingSettings } from '@common/schema';
import { TextRules } from '@common/records';
import { typedText } from '@common/text';
import { createItem, getItem, rootFields, rootItems, transact } from './core';
import { newId, orderAtEnd } from './ids';
import { bindText, type BindOptions, type EditableField, type TextBinding } from './sharedText';
import { fieldsView, itemsView, type View } from './views';

export const groupItems = (control: Y.Doc) => rootItems(control, ControlRoots.groups);
export const groupMembers = (control: Y.Doc) => rootFields(control, ControlRoots.groupMembers);

export function groupsView(control: Y.Doc): View<ReadonlyMap<string, Partial<DeepDiveGroup>>> {
  return itemsView<Partial<DeepDiveGroup>>(groupItems(control));
}

export function membersView(control: Y.Doc): View<Partial<Record<string, string>>> {
  return fieldsView<Record<string, string>>(groupMembers(control));
}

export function groupingView(control: Y.Doc): View<Partial<GroupingSettings & { focus: string }>> {
  return fieldsView<GroupingSettings & { focus: string }>(rootFields(control, ControlRoots.grouping));
}

// --- a group's answers (group doc) ---

const answers = (group: Y.Doc) => rootItems(group, GroupRoots.answers);

export function addAnswer(group: Y.Doc, question: GroupQuestion, text = '', now: number = Date.now()): string {
  const id = newId();
  transact(group, () => {
    const orders: string[] = [];
    answers(group).forEach((item) => {
      if (item.get('question') === question) orders.push(String(item.get('order') ?? ''));
    });
    const item = createItem(answers(group), id, { id, question, order: orderAtEnd(orders.filter(Boolean)), createdAt: now });
    item.set('text', new Y.Text(typedText(text, TextRules.groupAnswer)));
  });
  return id;
}

/**
 * An answer's shared text. An answer stored with its text as a plain string (or none) becomes a
 * Y.Text holding the same words, so it can be co-edited; read-only views never call this.
 */
function answerText(group: Y.Doc, id: string): Y.Text | null {
  const item = getItem(answers(group), id);
  if (!item) return null;
  const text = item.get('text');
  if (text instanceof Y.Text) return text;
  return transact(group, () => {
    const shared = new Y.Text(typeof text === 'string' ? typedText(text, TextRules.groupAnswer) : '');
    item.set('text', shared);
    return shared;
  });
}

/**
 * Brings an answer's text to `next` by changing only the span that differs (lib0's diff keeps an
 * emoji's surrogate pair whole), so another member typing elsewhere in the same answer keeps every word.
 */
export function editAnswer(group: Y.Doc, id: string, next: string): void {
  transact(group, () => {
    const text = answerText(group, id);
    if (!text) return;
    const change = simpleDiffString(text.toString(), typedText(next, TextRules.groupAnswer));
    if (change.remove > 0) text.delete(change.index, change.remove);
    if (change.insert.length > 0) text.insert(change.index, change.insert);
  });
}

/**
 * Binds a field to an answer's text (see doc/sharedText.ts) for as long as it is shown; follows
 * the answer if its text is replaced. Null when the answer is gone.
 */
export function bindAnswer(group: Y.Doc, id: string, field: EditableField, options: BindOptions): TextBinding | null {
  const item = getItem(answers(group), id);
  let text = answerText(group, id);
  if (!item || !text) return null;
  let binding = bindText(text, field, { rule: TextRules.groupAnswer, ...options });
  const onItem = (event: Y.YMapEvent<unknown>) => {
    const now = item.get('text');
    if (!event.keysChanged.has('text') || !(now instanceof Y.Text) || now === text) return;
    binding.destroy();
    text = now;
    binding = bindText(now, field, { rule: TextRules.groupAnswer, ...options });
  };
  item.observe(onItem);
  return {
    beforeInput: () => binding.beforeInput(),
    input: (composing) => binding.input(composing),
    compositionStart: () => binding.compositionStart(),
    compositionEnd: () => binding.compositionEnd(),
    destroy() {
      item.unobserve(onItem);
      binding.destroy();
    },
  };
}

export function deleteAnswer(group: Y.Doc, id: string): void {
  transact(group, () => answers(group).delete(id));
}

export function answersView(group: Y.Doc): View<ReadonlyMap<string, GroupAnswer>> {
  return itemsView<GroupAnswer>(answers(group));
}
