// Which component each phase shows on a phone, each a lazy chunk, and what a phone shows around
// every phase. Only phone views are named here: this table is everything a phone can reach, and
// the build's phone chunks and byte budget start from it (scripts/phoneBundle.ts).
import type { PhaseId } from '@common/schema';
import { named, type View } from './sharedViews';

const SetupPhone = named(() => import('@/features/setup/SetupPhone'), 'SetupPhone');
const CheckinPhone = named(() => import('@/features/checkin/CheckinPhone'), 'CheckinPhone');
const GatheringPhone = named(() => import('@/features/gathering/GatheringPhone'), 'GatheringPhone');
const ClusteringPhone = named(() => import('@/features/clustering/ClusteringPhone'), 'ClusteringPhone');
const FollowupPhone = named(() => import('@/features/followup/FollowupPhone'), 'FollowupPhone');
const SummaryPhone = named(() => import('@/features/summary/SummaryPhone'), 'SummaryPhone');
const VotingPhone = named(() => import('@/features/voting/VotingPhone'), 'VotingPhone');
const SolutionVotingPhone = named(() => import('@/features/voting/VotingPhone'), 'SolutionVotingPhone');
const CheckoutPhone = named(() => import('@/features/checkout/CheckoutPhone'), 'CheckoutPhone');
const NextStepsPhone = named(() => import('@/features/nextsteps/NextStepsPhone'), 'NextStepsPhone');
const DeepDivePhone = named(() => import('@/features/deepdive/DeepDivePhone'), 'DeepDivePhone');
const BuzzPhone = named(() => import('@/features/buzz/BuzzPhone'), 'BuzzPhone');
const CornersPhone = named(() => import('@/features/corners/CornersPhone'), 'CornersPhone');

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
};

/** After the reveal, every note on the phone (read-only; no dnd-kit). */
export const WholeBoardPhone = named(() => import('@/features/clustering/WholeBoardPhone'), 'WholeBoardPhone');
