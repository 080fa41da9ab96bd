// The Today screen's one hook into appointments: tiny here, the real card loads in its own chunk after first paint.
import { lazy, Suspense } from 'react';

const NextAppointment = lazy(() => import('./NextAppointment.tsx'));

export function NextAppointmentSlot() {
  return (
    <Suspense fallback={null}>
      <NextAppointment />
    </Suspense>
  );
}
