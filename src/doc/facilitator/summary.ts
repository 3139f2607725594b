// The facilitator's conclusion and hidden sections of the summary.
import * as Y from 'yjs';
import { SECTION_IDS, type SectionId } from '@common/summary';
import { TextRules } from '@common/records';
import { typedText } from '@common/text';
import { transact } from '../core';
import { summarySettings } from '../summary';

export function setConclusion(control: Y.Doc, text: string): void {
  // bound to the textarea keystroke by keystroke: cleaned and capped, never trimmed under the caret
  transact(control, () => summarySettings(control).set('conclusion', typedText(text, TextRules.conclusion)));
}

export function setSectionHidden(control: Y.Doc, id: SectionId, hidden: boolean): void {
  transact(control, () => {
    const map = summarySettings(control);
    const current = (Array.isArray(map.get('hidden')) ? (map.get('hidden') as string[]) : []).filter((s) => s !== id);
    const next = hidden ? [...current, id] : current;
    map.set('hidden', SECTION_IDS.filter((s) => next.includes(s)));
  });
}
