// Binds a text field (a textarea, or anything with a value and a selection) to a Y.Text so any
// number of people can type in it at once. Each typed span goes into the Y.Text where it was typed
// (lib0/diff, bounded by where the edit began, so a repeated letter never lands on the wrong side
// of someone else's); a remote edit rewrites the field and puts the caret back beside the
// characters it was next to (Yjs relative positions), so it never jumps and the next letter joins
// the typist's own words. While an input method composes (dead keys for å/ä/ö, Android keyboards)
// the field is left alone: remote edits wait, and the composed text is written when it ends.
import * as Y from 'yjs';
import { simpleDiffStringWithCursor } from 'lib0/diff';
import { textLength, typedText, type TextRule } from '@common/text';

/** What the binding needs of a field; an HTMLTextAreaElement or HTMLInputElement is one. */
export interface EditableField {
  value: string;
  readonly selectionStart: number | null;
  readonly selectionEnd: number | null;
  readonly selectionDirection?: 'forward' | 'backward' | 'none' | null;
  setSelectionRange(start: number, end: number, direction?: 'forward' | 'backward' | 'none'): void;
}

export interface TextBinding {
  /** before the browser changes the field (beforeinput): where the edit begins */
  beforeInput(): void;
  /** the field changed (input); `composing` is the event's isComposing */
  input(composing?: boolean): void;
  compositionStart(): void;
  compositionEnd(): void;
  destroy(): void;
}

export interface BindOptions {
  /** does the field have the focus (only a focused field's selection is kept) */
  focused(): boolean;
  /**
   * The field's text rule: what a person types passes the one parser (common/text.ts) as it is
   * written — bidi and control characters dropped, the whole text capped in code points.
   */
  rule?: Pick<TextRule, 'max' | 'multiline'>;
}

type Delta = { insert?: unknown; delete?: number; retain?: number }[];

const lengthOf = (op: Delta[number]) => (typeof op.insert === 'string' ? op.insert.length : op.insert !== undefined ? 1 : 0);

/**
 * Where `index` of the text before `delta` is after it. `stayBefore`: an insert exactly at the
 * index goes after it (the position keeps to the character on its left).
 */
export function mapIndex(delta: Delta, index: number, stayBefore: boolean): number {
  let before = 0;
  let after = 0;
  for (const op of delta) {
    if (op.retain !== undefined) {
      if (index < before + op.retain) return after + index - before;
      before += op.retain;
      after += op.retain;
    } else if (op.delete !== undefined) {
      if (index < before + op.delete) return after;
      before += op.delete;
    } else {
      if (before === index && stayBefore) return after;
      after += lengthOf(op);
    }
  }
  return after + index - before;
}

const mapThrough = (deltas: readonly Delta[], index: number, stayBefore: boolean) => deltas.reduce((i, d) => mapIndex(d, i, stayBefore), index);

/** Binds `field` to `text` until destroy(); the field shows the text at once. */
export function bindText(text: Y.Text, field: EditableField, options: BindOptions): TextBinding {
  const doc = text.doc;
  if (!doc) throw new Error('bindText: the Y.Text is not in a document');
  // this binding's own writes: the field already shows them
  const origin = { binding: true };
  /** what the field showed when it last agreed with the text */
  let shown = text.toString();
  let composing = false;
  /** remote changes the field has not shown yet (they arrived while composing) */
  let pending: Delta[] = [];
  /** where the edit in progress began (the selection's start before it) */
  let editStart: number | null = null;
  let anchors: { start: Y.RelativePosition; end: Y.RelativePosition; direction: 'forward' | 'backward' | 'none' } | null = null;
  field.value = shown;

  // taken before every change to the doc, while the field still agrees with the text
  const onBeforeTransaction = () => {
    anchors = null;
    if (composing || pending.length > 0 || !options.focused() || field.value !== shown) return;
    const start = field.selectionStart ?? shown.length;
    const end = field.selectionEnd ?? start;
    // a caret keeps to the letter on its left (what its owner just typed); a selection to its own letters
    anchors = {
      start: Y.createRelativePositionFromTypeIndex(text, start, start === end ? -1 : 0),
      end: Y.createRelativePositionFromTypeIndex(text, end, -1),
      direction: field.selectionDirection ?? 'none',
    };
  };

  const show = (caret: { start: number; end: number; direction: 'forward' | 'backward' | 'none' } | null) => {
    shown = text.toString();
    if (field.value !== shown) field.value = shown;
    if (caret && options.focused()) field.setSelectionRange(caret.start, caret.end, caret.direction);
  };

  const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return;
    if (composing) {
      pending.push(event.delta as Delta);
      return;
    }
    const start = anchors && Y.createAbsolutePositionFromRelativePosition(anchors.start, doc);
    const end = anchors && Y.createAbsolutePositionFromRelativePosition(anchors.end, doc);
    show(start && end && anchors ? { start: start.index, end: Math.max(start.index, end.index), direction: anchors.direction } : null);
    anchors = null;
  };

  /** Writes what the user changed since the field last agreed with the text. */
  const flush = () => {
    const next = field.value;
    const caret = field.selectionEnd ?? next.length;
    const bound = Math.min(editStart ?? caret, caret);
    editStart = null;
    if (next === shown && pending.length === 0) return;
    const change = simpleDiffStringWithCursor(shown, next, bound);
    const remote = pending;
    pending = [];
    // the edit, moved over remote changes the field has not shown: never deletes their letters
    const from = mapThrough(remote, change.index, change.remove === 0);
    const to = change.remove === 0 ? from : Math.max(from, mapThrough(remote, change.index + change.remove, true));
    let insert = change.insert;
    if (options.rule && insert.length > 0) {
      const whole = text.toString();
      const room = Math.max(0, options.rule.max - (textLength(whole) - textLength(whole.slice(from, to))));
      insert = typedText(insert, { max: room, multiline: options.rule.multiline });
    }
    if (to > from || insert.length > 0) {
      doc.transact(() => {
        if (to > from) text.delete(from, to - from);
        if (insert.length > 0) text.insert(from, insert);
      }, origin);
    }
    if (remote.length === 0 && insert === change.insert) {
      shown = next;
      return;
    }
    // the field is behind the text: show it, the caret where it was in what the user typed
    let at: number;
    if (caret <= change.index) at = mapThrough(remote, caret, true);
    else if (caret >= change.index + change.insert.length) at = mapThrough(remote, caret - change.insert.length + change.remove, true) - (to - from) + insert.length;
    else at = from + Math.min(caret - change.index, insert.length);
    show({ start: at, end: at, direction: 'none' });
  };

  doc.on('beforeTransaction', onBeforeTransaction);
  text.observe(observer);
  return {
    beforeInput() {
      if (!composing) editStart = field.selectionStart;
    },
    input(isComposing = false) {
      if (composing || isComposing) return;
      flush();
    },
    compositionStart() {
      if (!composing) editStart = field.selectionStart;
      composing = true;
    },
    compositionEnd() {
      composing = false;
      flush();
    },
    destroy() {
      doc.off('beforeTransaction', onBeforeTransaction);
      text.unobserve(observer);
    },
  };
}
