// Placeholder until the check-in feature lands.
export function TodayScreen() {
  return null;
}
