import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreSessionOnce } from './api/http-client';
import { App } from './app/App';

// Start restoring the session, and fetching the worklist's code, while React boots.
void restoreSessionOnce().catch(() => undefined);
if (window.location.pathname === '/') void import('./features/worklist/WorklistPage');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
