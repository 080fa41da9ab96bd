// Placeholder entry until the app shell lands.
import { createRoot } from 'react-dom/client';
import { TodayScreen } from './features/checkins/TodayScreen.tsx';
createRoot(document.getElementById('root')!).render(<TodayScreen />);
