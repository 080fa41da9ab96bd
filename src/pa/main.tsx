// The PA and manager web page: its own bundle, never loaded on a young person's phone.
import { createRoot } from 'react-dom/client';

import { setupI18n } from './i18n.ts';
import { PaApp } from './PaApp.tsx';

import './pa.css';

await setupI18n();
createRoot(document.getElementById('root')!).render(<PaApp />);
