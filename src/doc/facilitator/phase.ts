// The facilitator moves the meeting through its phases: go to, step, skip, include, reorder.
import type * as Y from 'yjs';
import { PHASES, type PhaseId, type PhaseState } from '@common/schema';
import { setFields, transact } from '../core';
import { normalisePhase, phaseMap } from '../phase';

export function readPhase(control: Y.Doc): PhaseState {
  return normalisePhase(phaseMap(control).toJSON() as Partial<PhaseState>);
}

export function goToPhase(control: Y.Doc, phase: PhaseId): void {
  transact(control, () => setFields<PhaseState>(phaseMap(control), { current: phase }));
}

/** The neighbour of the current phase in the running order; null at either end. */
export function neighbourPhase(state: PhaseState, step: -1 | 1): PhaseId | null {
  const index = state.phases.indexOf(state.current);
  // a current phase that was skipped: step from where it sits in the full template
  if (index < 0) {
    const rank = PHASES.indexOf(state.current);
    const candidates = state.phases.filter((p) => (step === 1 ? PHASES.indexOf(p) > rank : PHASES.indexOf(p) < rank));
    return (step === 1 ? candidates[0] : candidates[candidates.length - 1]) ?? null;
  }
  return state.phases[index + step] ?? null;
}

export function nextPhase(control: Y.Doc): PhaseId | null {
  return transact(control, () => {
    const next = neighbourPhase(readPhase(control), 1);
    if (next) setFields<PhaseState>(phaseMap(control), { current: next });
    return next;
  });
}

export function previousPhase(control: Y.Doc): PhaseId | null {
  return transact(control, () => {
    const previous = neighbourPhase(readPhase(control), -1);
    if (previous) setFields<PhaseState>(phaseMap(control), { current: previous });
    return previous;
  });
}

/** Takes a phase out of the running order (it can be brought back with includePhase). */
export function skipPhase(control: Y.Doc, phase: PhaseId): void {
  transact(control, () => {
    const state = readPhase(control);
    if (state.phases.length <= 1) return;
    setFields<PhaseState>(phaseMap(control), { phases: state.phases.filter((p) => p !== phase) });
  });
}

/** Puts a skipped phase back where it belongs in the guide's order. */
export function includePhase(control: Y.Doc, phase: PhaseId): void {
  transact(control, () => {
    const state = readPhase(control);
    if (state.phases.includes(phase)) return;
    const rank = PHASES.indexOf(phase);
    const at = state.phases.findIndex((p) => PHASES.indexOf(p) > rank);
    const phases = [...state.phases];
    phases.splice(at < 0 ? phases.length : at, 0, phase);
    setFields<PhaseState>(phaseMap(control), { phases });
  });
}

export function movePhase(control: Y.Doc, phase: PhaseId, direction: -1 | 1): void {
  transact(control, () => {
    const phases = [...readPhase(control).phases];
    const index = phases.indexOf(phase);
    const target = index + direction;
    if (index < 0 || target < 0 || target >= phases.length) return;
    [phases[index], phases[target]] = [phases[target], phases[index]];
    setFields<PhaseState>(phaseMap(control), { phases });
  });
}
