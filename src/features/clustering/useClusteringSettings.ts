// The facilitator's clustering setting (participantsMayMove), read from control.
import { clusteringSettingsView } from '@/doc/clustersSettings';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';

export function useParticipantsMayMove(): boolean {
  const { docs } = useMeeting();
  return useView(clusteringSettingsView(docs.control)).participantsMayMove === true;
}
