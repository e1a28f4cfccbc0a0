import { useEffect, useState } from 'react';
import { useApp, actions, type AppState } from '../store/index.ts';
import { AboutPanel } from './AboutPanel.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { QuickControls, SettingsPanel } from './controls/Controls.tsx';
import { Notices } from './Notices.tsx';
import { ChartsPanel } from './panels/ChartsPanel.tsx';
import { DiagramPanel } from './panels/DiagramPanel.tsx';
import { Readouts } from './panels/Readouts.tsx';
import { landOpenedLink } from './scenarioFile/applyState.ts';
import { ScenarioFileButtons } from './scenarioFile/ScenarioFileButtons.tsx';
import { TransportBar } from './TransportBar.tsx';
import { useFrameLoop } from './frameContext.ts';
import { useKeyboard } from './useKeyboard.ts';
import { usePresenter, type PresenterState } from './presenter/index.ts';
import { PresenterControls } from './presenter/PresenterControls.tsx';
import { PresenterOverlays } from './presenter/PresenterOverlays.tsx';
import './styles/presenter.css';
import { TourButton } from './tour/TourButton.tsx';
import { TourCard } from './tour/TourCard.tsx';
import { EmbedApp } from './embed/EmbedApp.tsx';
import { EMBED } from './embed/embedMode.ts';
import { ShortcutsDialog } from './keyboard/ShortcutsDialog.tsx';
import { SkipLinks } from './keyboard/SkipLinks.tsx';

const selectOpen = (s: AppState) => s.controlsOpen;
const selectPresenter = (s: PresenterState) => (s.on ? s.view : null);

/** The full app, or one view alone when the link asks for embed mode (`?embed=1&view=…`). */
export function App() {
  return EMBED ? <EmbedApp request={EMBED} /> : <FullApp />;
}

/**
 * One screen, no page scroll: the time controls and the main choices on top, the I/O-path diagram
 * as the larger part, the charts and a message's journey beside it, and the other settings in a
 * panel that collapses.
 */
function FullApp() {
  const loop = useFrameLoop();
  useKeyboard(loop);
  // The link's simulated time, reached once the frame loop runs (tab, panel and message are in the store).
  useEffect(() => landOpenedLink(loop), [loop]);
  const open = useApp(selectOpen);
  // Presenter mode: the projector theme (styles/presenter.css) and one view at a time in the main area.
  const presenting = usePresenter(selectPresenter);
  const [aboutOpen, setAboutOpen] = useState(false);
  useEffect(() => {
    if (!aboutOpen) return;
    const close = (e: KeyboardEvent) => e.key === 'Escape' && setAboutOpen(false);
    addEventListener('keydown', close);
    return () => removeEventListener('keydown', close);
  }, [aboutOpen]);
  return (
    <div
      className={`app${open ? ' settings-open' : ''}${presenting ? ' presenter' : ''}`}
      data-presenter-view={presenting ?? undefined}
    >
      <SkipLinks />
      <header className="app-header">
        <div className="brand">
          <h1>Xen HPC I/O</h1>
          <p className="subtitle">how a VM's I/O crosses the hypervisor</p>
        </div>
        <button
          type="button"
          className="settings-toggle"
          aria-expanded={open}
          aria-controls="settings"
          onClick={actions.toggleControls}
          data-testid="settings-toggle"
        >
          {open ? '◂ Settings' : '▸ Settings'}
        </button>
        <TransportBar />
        <PresenterControls />
        <TourButton />
        <button
          type="button"
          className="about-toggle"
          aria-expanded={aboutOpen}
          aria-controls="about-popover"
          onClick={() => setAboutOpen(!aboutOpen)}
          data-testid="about-toggle"
        >
          About
        </button>
      </header>
      {aboutOpen && (
        <div id="about-popover" className="about-popover" role="dialog" aria-label="About">
          <AboutPanel />
          <button type="button" onClick={() => setAboutOpen(false)}>
            Close
          </button>
        </div>
      )}
      <div className="toolbar">
        <ErrorBoundary name="controls" label="The controls">
          <QuickControls />
        </ErrorBoundary>
      </div>
      <Notices />
      <main className="app-main">
        <aside
          id="settings"
          className="region region-controls"
          aria-label="Settings"
          data-region="controls"
          hidden={!open}
        >
          <ErrorBoundary name="settings" label="The settings">
            <ScenarioFileButtons />
            <SettingsPanel />
            <AboutPanel />
          </ErrorBoundary>
        </aside>
        <section className="region region-diagram" aria-label="I/O path diagram" data-region="diagram">
          <ErrorBoundary name="diagram" label="The diagram">
            <DiagramPanel />
          </ErrorBoundary>
          <ErrorBoundary name="readouts" label="The readouts">
            <Readouts />
          </ErrorBoundary>
        </section>
        <section className="region region-charts" aria-label="Charts" data-region="charts">
          <ErrorBoundary name="charts" label="The charts">
            <ChartsPanel />
          </ErrorBoundary>
        </section>
      </main>
      <TourCard />
      <PresenterOverlays />
      <ShortcutsDialog scope="app" />
    </div>
  );
}
