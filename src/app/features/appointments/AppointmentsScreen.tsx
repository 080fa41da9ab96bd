// Placeholder until its feature lands; replaced by the feature's real screen.
export default function AppointmentsScreen() {
  return null;
}
