import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FrameLoop } from './frame/frameLoop.ts';
import { appStore } from './store/index.ts';
import { syncAbSweep } from './store/abSweep.ts';
import { syncSweeps } from './store/sweepSync.ts';
import { syncUrl } from './store/urlSync.ts';
import { App } from './ui/App.tsx';
import { FrameContext } from './ui/frameContext.ts';
import { installTestHook } from './ui/testHook.ts';
import { registerServiceWorker } from './pwa/register.ts';
import { UpdateNotice } from './ui/pwa/UpdateNotice.tsx';
// Styles in cascade order: theme, frame, then the parts.
import './ui/styles/base.css';
import './ui/styles/frame.css';
import './ui/styles/transport.css';
import './ui/styles/controls.css';
import './ui/styles/panels.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const loop = new FrameLoop(appStore);
syncUrl(appStore);
syncSweeps(appStore);
syncAbSweep(appStore);
installTestHook(loop, appStore);
loop.settle();

createRoot(root).render(
  <StrictMode>
    <FrameContext.Provider value={loop}>
      <App />
      <UpdateNotice />
    </FrameContext.Provider>
  </StrictMode>,
);
registerServiceWorker();
