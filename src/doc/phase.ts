// The phase engine: which phase runs now, and the order the facilitator runs them in.
import type * as Y from 'yjs';
import { ControlRoots, type PhaseState } from '@common/schema';
import { parsePhaseState } from '@common/records';
import { rootFields } from './core';
import { fieldsView, type View } from './views';

export const phaseMap = (control: Y.Doc) => rootFields(control, ControlRoots.phase);

/** The phase state with defaults filled in, so a fresh doc still reads sensibly. */
export function normalisePhase(raw: Partial<PhaseState>): PhaseState {
  return parsePhaseState(raw);
}

export function phaseView(control: Y.Doc): View<Partial<PhaseState>> {
  return fieldsView<PhaseState>(phaseMap(control), parsePhaseState);
}
