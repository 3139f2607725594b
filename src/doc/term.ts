// The forum's term as the relay writes it into the control doc: this meeting's own plan and the
// next planned meeting (common/term.ts). Read-only here: only the relay writes it.
import type * as Y from 'yjs';
import { parseTermInfo, type TermInfo } from '@common/term';
import { rootFields } from './core';
import { fieldsView, type View } from './views';
import { ControlRoots } from '@common/schema';

export function termView(control: Y.Doc): View<Partial<TermInfo>> {
  return fieldsView(rootFields(control, ControlRoots.term), parseTermInfo);
}
