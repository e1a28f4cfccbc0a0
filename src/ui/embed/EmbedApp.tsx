import { useEffect, useState } from 'react';
import { actions } from '../../store/index.ts';
import { useFrameLoop } from '../frameContext.ts';
import { ShortcutsDialog } from '../keyboard/ShortcutsDialog.tsx';
import { CHART_TABS } from '../panels/chartTabs.tsx';
import { DiagramPanel } from '../panels/DiagramPanel.tsx';
import { PresenterOverlays } from '../presenter/PresenterOverlays.tsx';
import { useKeyboard } from '../useKeyboard.ts';
import { fullAppUrl, type EmbedRequest, type EmbedView } from './embedLink.ts';
import './embed.css';

/**
 * One view alone, filling the page, for an iframe in a slide (`?embed=1&view=…`): no header,
 * toolbar or settings, the keyboard's shortcuts while the embed has the focus, and a small link to
 * the full app in the same state.
 */
export function EmbedApp({ request }: { request: EmbedRequest }) {
  const loop = useFrameLoop();
  useKeyboard(loop, 'embed');
  const view = request.ok ? request.view : null;
  useEffect(() => {
    // The app's tab follows the embedded chart, so state that reads the tab agrees with the view.
    if (view && view !== 'diagram') actions.setChartTab(view);
  }, [view]);
  return (
    <div className="embed" data-testid="embed" data-embed-view={view ?? undefined}>
      {view ? (
        <main className="embed-view" aria-label={`Embedded view: ${view}`}>
          <EmbeddedView view={view} />
        </main>
      ) : (
        <div className="embed-error" role="alert" data-testid="embed-error">
          {!request.ok && request.message}
        </div>
      )}
      <OpenFullApp />
      <ShortcutsDialog scope="embed" />
      <PresenterOverlays />
    </div>
  );
}

function EmbeddedView({ view }: { view: EmbedView }) {
  if (view === 'diagram') return <DiagramPanel />;
  // The CPU chart's totals on a log axis, as the full app opens it.
  return <div className="embed-chart">{CHART_TABS[view].body({ cpuLog: true })}</div>;
}

/**
 * "Open in full app": this page's link without the embed flags, in a new tab. Read from the address
 * at the moment of use, since the settings (the speed, say) may have changed since the embed opened.
 */
function OpenFullApp() {
  const [href, setHref] = useState(() => fullAppUrl(location.href));
  const refresh = () => setHref(fullAppUrl(location.href));
  return (
    <a
      className="embed-open"
      href={href}
      target="_blank"
      rel="noopener"
      onPointerDown={refresh}
      onFocus={refresh}
      onKeyDown={refresh}
      data-testid="embed-open-full"
    >
      Open in full app ↗
    </a>
  );
}
