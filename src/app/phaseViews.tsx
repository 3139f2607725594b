// Which component each phase shows on the board and the console, each a lazy chunk. The phones'
// table is phoneViews.tsx: nothing a phone downloads refers to a board or console view.
import type { PhaseId } from '@common/schema';
import { named, type View } from './sharedViews';

const SetupBoard = named(() => import('@/features/setup/SetupBoard'), 'SetupBoard');
const SetupConsole = named(() => import('@/features/setup/SetupConsole'), 'SetupConsole');
const CheckinBoard = named(() => import('@/features/checkin/CheckinBoard'), 'CheckinBoard');
const CheckinConsole = named(() => import('@/features/checkin/CheckinConsole'), 'CheckinConsole');
const GatheringBoard = named(() => import('@/features/gathering/GatheringBoard'), 'GatheringBoard');
const GatheringConsole = named(() => import('@/features/gathering/GatheringConsole'), 'GatheringConsole');
const ClusterBoard = named<'ClusterBoard', { showUndo?: boolean }>(
  () => import('@/features/clustering/ClusterBoard'),
  'ClusterBoard',
);
const ClusteringConsole = named(() => import('@/features/clustering/ClusteringConsole'), 'ClusteringConsole');
const FollowupBoard = named(() => import('@/features/followup/FollowupBoard'), 'FollowupBoard');
const FollowupConsole = named(() => import('@/features/followup/FollowupConsole'), 'FollowupConsole');
const SummaryBoard = named(() => import('@/features/summary/SummaryBoard'), 'SummaryBoard');
const SummaryConsoleOnly = named(() => import('@/features/summary/SummaryConsole'), 'SummaryConsole');
const PlanNextMeeting = named(() => import('@/features/followup/PlanNextMeeting'), 'PlanNextMeeting');
const MyMeetings = named(() => import('@/features/followup/MyMeetings'), 'MyMeetings');

/** The summary, then what comes after it: the forum's next meeting and this device's meetings. */
export function SummaryConsole() {
  return (
    <>
      <SummaryConsoleOnly />
      <PlanNextMeeting />
      <MyMeetings />
    </>
  );
}

const VotingBoard = named(() => import('@/features/voting/VotingBoard'), 'VotingBoard');
const VotingConsole = named(() => import('@/features/voting/VotingConsole'), 'VotingConsole');
const SolutionVotingBoard = named(() => import('@/features/voting/VotingBoard'), 'SolutionVotingBoard');
const SolutionVotingConsole = named(() => import('@/features/voting/VotingConsole'), 'SolutionVotingConsole');
const CheckoutBoard = named(() => import('@/features/checkout/CheckoutBoard'), 'CheckoutBoard');
const CheckoutConsole = named(() => import('@/features/checkout/CheckoutConsole'), 'CheckoutConsole');
const NextStepsBoard = named(() => import('@/features/nextsteps/NextStepsBoard'), 'NextStepsBoard');
const NextStepsConsole = named(() => import('@/features/nextsteps/NextStepsConsole'), 'NextStepsConsole');
const DeepDiveBoard = named(() => import('@/features/deepdive/DeepDiveBoard'), 'DeepDiveBoard');
const DeepDiveConsole = named(() => import('@/features/deepdive/DeepDiveConsole'), 'DeepDiveConsole');

const BuzzBoard = named(() => import('@/features/buzz/BuzzBoard'), 'BuzzBoard');
const BuzzConsole = named(() => import('@/features/buzz/BuzzConsole'), 'BuzzConsole');
const CornersBoard = named(() => import('@/features/corners/CornersBoard'), 'CornersBoard');
const CornersConsole = named(() => import('@/features/corners/CornersConsole'), 'CornersConsole');
const CafeBoard = named(() => import('@/features/cafe/CafeBoard'), 'CafeBoard');
const CafeConsole = named(() => import('@/features/cafe/CafeConsole'), 'CafeConsole');

function ClusteringConsoleWithBoard() {
  return (
    <>
      <ClusteringConsole />
      {/* the console's own undo pair is enough: one "Ångra" per page */}
      <ClusterBoard showUndo={false} />
    </>
  );
}

export const boardViews: Record<PhaseId, View> = {
  setup: SetupBoard,
  checkin: CheckinBoard,
  followup: FollowupBoard,
  gathering: GatheringBoard,
  clustering: ClusterBoard,
  voting: VotingBoard,
  deepdive: DeepDiveBoard,
  solutionVoting: SolutionVotingBoard,
  nextsteps: NextStepsBoard,
  checkout: CheckoutBoard,
  summary: SummaryBoard,
  buzz: BuzzBoard,
  corners: CornersBoard,
  cafe: CafeBoard,
};

export const consoleViews: Record<PhaseId, View> = {
  setup: SetupConsole,
  checkin: CheckinConsole,
  followup: FollowupConsole,
  gathering: GatheringConsole,
  clustering: ClusteringConsoleWithBoard,
  voting: VotingConsole,
  deepdive: DeepDiveConsole,
  solutionVoting: SolutionVotingConsole,
  nextsteps: NextStepsConsole,
  checkout: CheckoutConsole,
  summary: SummaryConsole,
  buzz: BuzzConsole,
  corners: CornersConsole,
  cafe: CafeConsole,
};

/** Around every phase: the conversation prompts on the board and the console (the parking lot is in sharedViews.tsx). */
export const PromptsOverlay = named(() => import('@/features/prompts/PromptsOverlay'), 'PromptsOverlay');
export const PromptsConsole = named(() => import('@/features/prompts/PromptsConsole'), 'PromptsConsole');
