// Which component each phase shows on a phone, the board and the console. Every one is a lazy
// chunk: a phone downloads only the phone views it reaches, never board, dnd-kit or export code.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PhaseId } from '@common/schema';

type View = LazyExoticComponent<ComponentType> | ComponentType;

export interface PhaseViews {
  Phone: View;
  Board: View;
  Console: View;
}

const named = <K extends string, P = object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));


const SetupPhone = named(() => import('@/features/setup/SetupPhone'), 'SetupPhone');
const SetupBoard = named(() => import('@/features/setup/SetupBoard'), 'SetupBoard');
const SetupConsole = named(() => import('@/features/setup/SetupConsole'), 'SetupConsole');
const CheckinPhone = named(() => import('@/features/checkin/CheckinPhone'), 'CheckinPhone');
const CheckinBoard = named(() => import('@/features/checkin/CheckinBoard'), 'CheckinBoard');
const CheckinConsole = named(() => import('@/features/checkin/CheckinConsole'), 'CheckinConsole');
const GatheringPhone = named(() => import('@/features/gathering/GatheringPhone'), 'GatheringPhone');
const GatheringBoard = named(() => import('@/features/gathering/GatheringBoard'), 'GatheringBoard');
const GatheringConsole = named(() => import('@/features/gathering/GatheringConsole'), 'GatheringConsole');
const ClusteringPhone = named(() => import('@/features/clustering/ClusteringPhone'), 'ClusteringPhone');
const ClusterBoard = named<'ClusterBoard', { showUndo?: boolean }>(
  () => import('@/features/clustering/ClusterBoard'),
  'ClusterBoard',
);
const ClusteringConsole = named(() => import('@/features/clustering/ClusteringConsole'), 'ClusteringConsole');
const FollowupPhone = named(() => import('@/features/followup/FollowupPhone'), 'FollowupPhone');
const FollowupBoard = named(() => import('@/features/followup/FollowupBoard'), 'FollowupBoard');
const FollowupConsole = named(() => import('@/features/followup/FollowupConsole'), 'FollowupConsole');
const SummaryPhone = named(() => import('@/features/summary/SummaryPhone'), 'SummaryPhone');
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

const VotingPhone = named(() => import('@/features/voting/VotingPhone'), 'VotingPhone');
const VotingBoard = named(() => import('@/features/voting/VotingBoard'), 'VotingBoard');
const VotingConsole = named(() => import('@/features/voting/VotingConsole'), 'VotingConsole');
const SolutionVotingPhone = named(() => import('@/features/voting/VotingPhone'), 'SolutionVotingPhone');
const SolutionVotingBoard = named(() => import('@/features/voting/VotingBoard'), 'SolutionVotingBoard');
const SolutionVotingConsole = named(() => import('@/features/voting/VotingConsole'), 'SolutionVotingConsole');
const CheckoutPhone = named(() => import('@/features/checkout/CheckoutPhone'), 'CheckoutPhone');
const CheckoutBoard = named(() => import('@/features/checkout/CheckoutBoard'), 'CheckoutBoard');
const CheckoutConsole = named(() => import('@/features/checkout/CheckoutConsole'), 'CheckoutConsole');
const NextStepsPhone = named(() => import('@/features/nextsteps/NextStepsPhone'), 'NextStepsPhone');
const NextStepsBoard = named(() => import('@/features/nextsteps/NextStepsBoard'), 'NextStepsBoard');
const NextStepsConsole = named(() => import('@/features/nextsteps/NextStepsConsole'), 'NextStepsConsole');
const DeepDivePhone = named(() => import('@/features/deepdive/DeepDivePhone'), 'DeepDivePhone');
const DeepDiveBoard = named(() => import('@/features/deepdive/DeepDiveBoard'), 'DeepDiveBoard');
const DeepDiveConsole = named(() => import('@/features/deepdive/DeepDiveConsole'), 'DeepDiveConsole');

const BuzzPhone = named(() => import('@/features/buzz/BuzzPhone'), 'BuzzPhone');
const BuzzBoard = named(() => import('@/features/buzz/BuzzBoard'), 'BuzzBoard');
const BuzzConsole = named(() => import('@/features/buzz/BuzzConsole'), 'BuzzConsole');
const CornersPhone = named(() => import('@/features/corners/CornersPhone'), 'CornersPhone');
const CornersBoard = named(() => import('@/features/corners/CornersBoard'), 'CornersBoard');
const CornersConsole = named(() => import('@/features/corners/CornersConsole'), 'CornersConsole');
const CafePhone = named(() => import('@/features/cafe/CafePhone'), 'CafePhone');
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

export const phaseViews: Record<PhaseId, PhaseViews> = {
  setup: { Phone: SetupPhone, Board: SetupBoard, Console: SetupConsole },
  checkin: { Phone: CheckinPhone, Board: CheckinBoard, Console: CheckinConsole },
  followup: { Phone: FollowupPhone, Board: FollowupBoard, Console: FollowupConsole },
  gathering: { Phone: GatheringPhone, Board: GatheringBoard, Console: GatheringConsole },
  clustering: { Phone: ClusteringPhone, Board: ClusterBoard, Console: ClusteringConsoleWithBoard },
  voting: { Phone: VotingPhone, Board: VotingBoard, Console: VotingConsole },
  deepdive: { Phone: DeepDivePhone, Board: DeepDiveBoard, Console: DeepDiveConsole },
  solutionVoting: { Phone: SolutionVotingPhone, Board: SolutionVotingBoard, Console: SolutionVotingConsole },
  nextsteps: { Phone: NextStepsPhone, Board: NextStepsBoard, Console: NextStepsConsole },
  checkout: { Phone: CheckoutPhone, Board: CheckoutBoard, Console: CheckoutConsole },
  summary: { Phone: SummaryPhone, Board: SummaryBoard, Console: SummaryConsole },
  buzz: { Phone: BuzzPhone, Board: BuzzBoard, Console: BuzzConsole },
  corners: { Phone: CornersPhone, Board: CornersBoard, Console: CornersConsole },
  cafe: { Phone: CafePhone, Board: CafeBoard, Console: CafeConsole },
};

/** Around every phase: the parking lot, and the conversation prompts on the board. */
export const ParkingLot = named<'ParkingLot', { variant: 'board' | 'phone' | 'console' }>(
  () => import('@/features/parking/ParkingLot'),
  'ParkingLot',
);
export const PromptsOverlay = named(() => import('@/features/prompts/PromptsOverlay'), 'PromptsOverlay');
export const PromptsConsole = named(() => import('@/features/prompts/PromptsConsole'), 'PromptsConsole');
/** After the reveal, every note on the phone (read-only; no dnd-kit). */
export const WholeBoardPhone = named(() => import('@/features/clustering/WholeBoardPhone'), 'WholeBoardPhone');
