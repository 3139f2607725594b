// Which component each phase shows on a phone, and what a phone shows around every phase. Only
// phone views are named here. They are imported, not lazy: a phone goes through every phase of a
// meeting (and the service worker stores them all), so the build puts them in one chunk with the
// participant's route (scripts/phoneBundle.ts); board and console views never reach it.
import type { PhaseId } from '@common/schema';
import { SetupPhone } from '@/features/setup/SetupPhone';
import { CheckinPhone } from '@/features/checkin/CheckinPhone';
import { GatheringPhone } from '@/features/gathering/GatheringPhone';
import { ClusteringPhone } from '@/features/clustering/ClusteringPhone';
import { FollowupPhone } from '@/features/followup/FollowupPhone';
import { SummaryPhone } from '@/features/summary/SummaryPhone';
import { SolutionVotingPhone, VotingPhone } from '@/features/voting/VotingPhone';
import { CheckoutPhone } from '@/features/checkout/CheckoutPhone';
import { NextStepsPhone } from '@/features/nextsteps/NextStepsPhone';
import { DeepDivePhone } from '@/features/deepdive/DeepDivePhone';
import { BuzzPhone } from '@/features/buzz/BuzzPhone';
import { CornersPhone } from '@/features/corners/CornersPhone';
import { CafePhone } from '@/features/cafe/CafePhone';
import type { View } from './sharedViews';

export const phoneViews: Record<PhaseId, View> = {
  setup: SetupPhone,
  checkin: CheckinPhone,
  followup: FollowupPhone,
  gathering: GatheringPhone,
  clustering: ClusteringPhone,
  voting: VotingPhone,
  deepdive: DeepDivePhone,
  solutionVoting: SolutionVotingPhone,
  nextsteps: NextStepsPhone,
  checkout: CheckoutPhone,
  summary: SummaryPhone,
  buzz: BuzzPhone,
  corners: CornersPhone,
  cafe: CafePhone,
};

/** After the reveal, every note on the phone (read-only; no dnd-kit). */
export { WholeBoardPhone } from '@/features/clustering/WholeBoardPhone';
