// Meeting info and expected organisations: facilitator-only state in the control doc.
import type * as Y from 'yjs';
import { ControlRoots, type MeetingInfo } from '@common/schema';
import { parseMeetingInfo } from '@common/records';
import { rootFields, rootItems } from './core';
import { fieldsView, type View } from './views';

export function meetingInfoView(control: Y.Doc): View<Partial<MeetingInfo>> {
  return fieldsView<MeetingInfo>(rootFields(control, ControlRoots.meeting), parseMeetingInfo);
}

export const expectedOrgItems = (control: Y.Doc) => rootItems(control, ControlRoots.expectedOrgs);

