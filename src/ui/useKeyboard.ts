import { useEffect } from 'react';
import type { FrameLoop } from '../frame/frameLoop.ts';
import { actions } from '../store/index.ts';
import { presenter, presenterStore } from './presenter/index.ts';
import { handleTourKey } from './tour/tourKeys.ts';

/**
 * Space play/pause, ← → step, + − speed, Home reset; P presenter mode, F fullscreen, B blackout (any
 * key ends it); ignored while typing in a field.
 */
export function useKeyboard(loop: FrameLoop): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (presenterStore.getState().blackout) {
        // Blackout (B) lasts until any key: that key only brings the screen back.
        presenter.blackout(false);
        e.preventDefault();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return; // never take the browser's zoom keys
      const t = e.target as HTMLElement | null;
      if (
        t &&
        (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)
      )
        return;
      // While a tour is on screen, PageDown/PageUp (a clicker), → ← and Esc move through it.
      if (handleTourKey(e.key)) {
        e.preventDefault();
        return;
      }
      switch (e.key) {
        case ' ':
          actions.togglePlay();
          break;
        case 'ArrowRight':
          loop.stepForward();
          break;
        case 'ArrowLeft':
          loop.stepBack();
          break;
        case '+':
        case '=':
          actions.nudgeSpeed(1);
          break;
        case '-':
        case '_':
          actions.nudgeSpeed(-1);
          break;
        case 'Home':
          loop.reset();
          break;
        case 'p':
        case 'P':
          presenter.toggle();
          break;
        case 'f':
        case 'F':
          void presenter.toggleFullscreen();
          break;
        case 'b':
        case 'B':
          presenter.blackout(true);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [loop]);
}
