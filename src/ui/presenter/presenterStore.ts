import { createStore } from 'zustand/vanilla';
import { PRESENTER_KEY, encodeSettings, setViewFlag } from '../../store/urlState.ts';
import type { AppStore } from '../../store/appStore.ts';

/** What fills the main area in presenter mode: one view at a time, each large enough for the back row. */
export type PresenterView = 'diagram' | 'charts';

export interface PresenterState {
  /** The projector theme: every text ≥ PRESENTER_MIN_TEXT_PX at 1366×768. */
  readonly on: boolean;
  readonly view: PresenterView;
  /** The screen is black until a key is pressed (B). */
  readonly blackout: boolean;
  /** Why fullscreen was refused, shown until dismissed. */
  readonly message: string | null;
}

export { PRESENTER_MIN_TEXT_PX } from './scale.ts';

export function createPresenterStore(on = false) {
  return createStore<PresenterState>()(() => ({ on, view: 'diagram', blackout: false, message: null }));
}
export type PresenterStore = ReturnType<typeof createPresenterStore>;

/**
 * Presenter mode, blackout and fullscreen over a store; the link carries `presenter=1` (rewritten at
 * once, and kept by every later rewrite of the settings).
 */
export function createPresenterActions(store: PresenterStore, app: AppStore | null) {
  const writeLink = (on: boolean) => {
    setViewFlag(PRESENTER_KEY, on ? '1' : null);
    if (app && typeof history !== 'undefined')
      history.replaceState(
        history.state,
        '',
        `${location.pathname}${encodeSettings(app.getState().settings)}${location.hash}`,
      );
  };
  writeLink(store.getState().on);
  return {
    toggle() {
      const on = !store.getState().on;
      store.setState({ on, blackout: false });
      writeLink(on);
    },
    setView(view: PresenterView) {
      store.setState({ view });
    },
    blackout(on: boolean) {
      store.setState({ blackout: on });
    },
    dismissMessage() {
      store.setState({ message: null });
    },
    /** Enters or leaves fullscreen; a refusal (no API, no user gesture, a policy) becomes a message. */
    async toggleFullscreen(): Promise<void> {
      const root = document.documentElement;
      try {
        if (document.fullscreenElement) await document.exitFullscreen();
        else if (root.requestFullscreen) await root.requestFullscreen();
        else throw new Error('this browser has no Fullscreen API');
        store.setState({ message: null });
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        store.setState({
          message: `Fullscreen was refused (${why}). Try the browser's own fullscreen key, usually F11.`,
        });
      }
    },
  };
}

export type PresenterActions = ReturnType<typeof createPresenterActions>;
