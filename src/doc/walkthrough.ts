// The walk-through and the cluster opened on the stage, as the facilitator writes them (control
// doc) and every board, console and phone reads them.
import type * as Y from 'yjs';
import { type OpenedOnStage, type WalkthroughState, ControlRoots } from '@common/schema';
import { parseOpenedOnStage, parseWalkSections, parseWalkthrough } from '@common/walkthrough';
import { rootFields } from './core';
import { fieldsView, type View } from './views';

export const walkMap = (control: Y.Doc) => rootFields(control, ControlRoots.walkthrough);

export function walkthroughView(control: Y.Doc): View<WalkthroughState> {
  return fieldsView<WalkthroughState>(walkMap(control), parseWalkthrough) as View<WalkthroughState>;
}

export function walkSectionsView(control: Y.Doc): View<{ sections: string[][] }> {
  return fieldsView(rootFields(control, ControlRoots.walkSections), (raw) => ({ sections: parseWalkSections(raw) })) as View<{ sections: string[][] }>;
}

export function openedOnStageView(control: Y.Doc): View<OpenedOnStage> {
  return fieldsView<OpenedOnStage>(rootFields(control, ControlRoots.openedOnStage), parseOpenedOnStage) as View<OpenedOnStage>;
}
