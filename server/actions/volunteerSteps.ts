// "Jag tar den": a participant volunteers for a next step from the phone's outbox; the relay makes
// them the owner if the step is still free, then clears the request either way.
import { parseNextStep, volunteerFields } from '../../common/nextSteps';
import type { RelayAction, Write } from './types';
import { MeetingRoots, PrivateRoots } from '../../common/schema';
import { read } from '../../common/records';

export const volunteerSteps: RelayAction = {
  name: 'volunteerSteps',
  wakesOn: [{ kind: 'private', root: PrivateRoots.volunteer }],
  reads: {
    meeting: [MeetingRoots.nextSteps],
    private: { roots: [PrivateRoots.volunteer], scope: 'trigger' },
  },
  decide(snapshot) {
    const writes: Write[] = [];
    const steps = snapshot.meeting[MeetingRoots.nextSteps] ?? {};
    const taken = new Set<string>();
    for (const participantId of snapshot.trigger.participantIds) {
      const requests = snapshot.private[participantId]?.[PrivateRoots.volunteer] ?? {};
      for (const stepId of Object.keys(requests)) {
        const known = snapshot.participantIds.includes(participantId);
        // a step of this meeting's list (an item, not a stray value), free, and not given to someone else in this run
        const step = Object.hasOwn(steps, stepId) && read.isRecord(steps[stepId]) ? steps[stepId] : null;
        const fields = known && step && !taken.has(stepId) ? volunteerFields(parseNextStep(stepId, step), participantId) : null;
        if (fields) {
          taken.add(stepId);
          writes.push({ doc: { kind: 'meeting' }, root: MeetingRoots.nextSteps, op: 'item', id: stepId, fields });
        }
        writes.push({ doc: { kind: 'private', participantId }, root: PrivateRoots.volunteer, op: 'delete', key: stepId });
      }
    }
    return writes;
  },
};
