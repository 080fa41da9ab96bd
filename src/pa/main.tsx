// Placeholder entry for the PA web page until the sharing feature lands.
import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')!).render(null);
