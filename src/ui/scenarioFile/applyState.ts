import type { FrameLoop } from '../../frame/frameLoop.ts';
import { actions, appStore, openedLink } from '../../store/index.ts';
import type { LinkState } from '../../store/link/linkState.ts';
import { OPENED_SEARCH, decodeTourLink } from '../../store/urlState.ts';
import { TOUR_START } from '../../tour/scene.ts';
import { applyScene } from '../tour/applyScene.ts';

/**
 * Puts a whole state (a link's or a scenario file's) on screen: the settings, then the run from
 * t = 0 to the state's time, paused there, then its message and tab. The moment is reached the way a
 * tour step reaches its own (applyScene): the run is a function of its settings and simulated time.
 */
export function applyLinkState(state: LinkState, loop: FrameLoop): void {
  const { settings, view } = state;
  applyScene(
    {
      ...TOUR_START,
      settings,
      tab: view.tab,
      message: view.message,
      pauseAt: view.timeNs > 0 ? { us: view.timeNs / 1000 } : null,
    },
    loop,
  );
  if (appStore.getState().controlsOpen !== view.settingsOpen) actions.toggleControls();
}

let landed = false;

/**
 * Once, when the page opens: the store already holds the link's settings, tab, panel and message;
 * what needs the frame loop is its simulated time. A link with a tour step leaves the moment to the
 * tour, which sets its own scene.
 */
export function landOpenedLink(loop: FrameLoop): void {
  if (landed || !openedLink) return;
  landed = true;
  if (decodeTourLink(OPENED_SEARCH).step !== null || openedLink.view.timeNs === 0) return;
  applyLinkState(openedLink, loop);
}
