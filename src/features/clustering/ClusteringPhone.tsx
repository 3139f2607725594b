// Placeholder created by the shell engineer so the app builds; the clustering feature replaces it.
import { ComingLater } from '@/components/ComingLater';

export function ClusteringPhone() {
  return <ComingLater titleKey="clustering.title" />;
}
