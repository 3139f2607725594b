// Placeholder created by the shell engineer so the app builds; the parking feature replaces it.
export function ParkingLot(_props: { variant: 'board' | 'phone' | 'console' }) {
  return null;
}
