// The Today screen's one hook into appointments: tiny here, the real card loads in its own chunk after the first
// paint, so the check-in form (what people open the app for) is never kept waiting by it.
import { Suspense, useEffect, useState } from 'react';

import { lazyWithWords } from '../../i18n/lazyWithWords.ts';
import { afterNextPaint } from '../../ui/afterPaint.ts';

const NextAppointment = lazyWithWords(() => import('./NextAppointment.tsx'));

export function NextAppointmentSlot() {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let mounted = true;
    void afterNextPaint().then(() => mounted && setPainted(true));
    return () => {
      mounted = false;
    };
  }, []);
  if (!painted) return null;
  return (
    <Suspense fallback={null}>
      <NextAppointment />
    </Suspense>
  );
}
