// Every screen and its address. The Today screen is in the first bundle; every other screen loads lazily
// (and is precached by the service worker, so it still opens offline).
import { type ComponentType, type LazyExoticComponent } from 'react';

import { TodayScreen } from './features/checkins/TodayScreen.tsx';
import { lazyWithWords } from './i18n/lazyWithWords.ts';

type Screen = ComponentType | LazyExoticComponent<ComponentType>;
const screen = lazyWithWords<ComponentType>;

export const routes: { path: string; element: Screen }[] = [
  { path: '/', element: TodayScreen },
  { path: '/history', element: screen(() => import('./features/history/HistoryScreen.tsx')) },
  { path: '/ons4', element: screen(() => import('./features/ons4/Ons4Screen.tsx')) },
  { path: '/help', element: screen(() => import('./features/help/HelpNowScreen.tsx')) },
  { path: '/help/breathe', element: screen(() => import('./features/help/calm/BreatheScreen.tsx')) },
  { path: '/help/grounding', element: screen(() => import('./features/help/calm/GroundingScreen.tsx')) },
  { path: '/plan', element: screen(() => import('./features/plan/PlanScreen.tsx')) },
  { path: '/safety-plan', element: screen(() => import('./features/safety-plan/SafetyPlanScreen.tsx')) },
  { path: '/directory/*', element: screen(() => import('./features/directory/DirectoryScreen.tsx')) },
  { path: '/appointments/*', element: screen(() => import('./features/appointments/AppointmentsScreen.tsx')) },
  { path: '/my-pa/*', element: screen(() => import('./features/sharing/MyPaScreen.tsx')) },
  { path: '/privacy', element: screen(() => import('./features/privacy/PrivacyScreen.tsx')) },
  { path: '/settings', element: screen(() => import('./features/settings/SettingsScreen.tsx')) },
];
