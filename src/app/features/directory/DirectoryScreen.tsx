// Find help: search and filters (/directory), one service (/directory/service/:id), what my council offers.
import { Suspense } from 'react';
import { Route, Routes } from 'react-router';

import { lazyWithWords } from '../../i18n/lazyWithWords.ts';
import { SearchScreen } from './SearchScreen.tsx';
import { ServiceScreen } from './ServiceScreen.tsx';

import './directory.css';

// The council table is only needed by people who open it.
const CouncilScreen = lazyWithWords(() => import('./CouncilScreen.tsx'));

export default function DirectoryScreen() {
  return (
    <Routes>
      <Route index element={<SearchScreen />} />
      <Route path="service/:id" element={<ServiceScreen />} />
      <Route path="council" element={<Suspense fallback={null}><CouncilScreen /></Suspense>} />
    </Routes>
  );
}
