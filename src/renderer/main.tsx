// Placeholder entry (created by the Electron-shell helper so the build works); the renderer owner replaces it.
import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (container) createRoot(container).render(<p>Houvast wordt geladen…</p>);
