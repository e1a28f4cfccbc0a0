import { StrictMode, startTransition } from 'react';
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

/**
 * Start-up in tasks of their own, so the page can paint and answer input between them: the
 * modules' set-up, then the first live run (building its topology and first events is the
 * longest part), then the links, the sweeps and the first render.
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
await nextTask();
const loop = new FrameLoop(appStore);
await nextTask();
syncUrl(appStore);
syncSweeps(appStore);
syncAbSweep(appStore);
installTestHook(loop, appStore);
loop.settle();

// The first render as a transition: React builds the page in slices of a few ms and lets the
// browser run between them, rather than in one task of several hundred ms (the load's blocking time).
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <FrameContext.Provider value={loop}>
        <App />
        <UpdateNotice />
      </FrameContext.Provider>
    </StrictMode>,
  ),
);
registerServiceWorker();
