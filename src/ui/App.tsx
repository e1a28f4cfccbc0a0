import { AboutPanel } from './AboutPanel.tsx';

/** The app shell: the diagram, the charts and the controls, with the About panel. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Xen HPC I/O</h1>
        <p className="subtitle">How a VM's I/O crosses the hypervisor: split driver vs. virtual Ethernet</p>
      </header>
      <main className="app-main">
        <section className="region region-diagram" aria-label="I/O path diagram" data-region="diagram">
          <h2>I/O path</h2>
        </section>
        <section className="region region-charts" aria-label="Charts" data-region="charts">
          <h2>Charts</h2>
        </section>
        <aside className="region region-controls" aria-label="Controls" data-region="controls">
          <h2>Controls</h2>
          <AboutPanel />
        </aside>
      </main>
    </div>
  );
}
