import { useEffect } from 'react';
import type { FrameLoop } from '../frame/frameLoop.ts';
import { actions } from '../store/index.ts';
import { focusKindOf } from './keyboard/focusKind.ts';
import { routeKey } from './keyboard/routing.ts';
import type { KeyScope, ShortcutId } from './keyboard/shortcuts.ts';
import { openShortcuts } from './keyboard/shortcutsStore.ts';
import { presenter, presenterStore } from './presenter/index.ts';
import { timelineKey } from './timeline/timelineKeys.ts';
import { tourBackward, tourForward, tourLeave, tourToggleText } from './tour/tourKeys.ts';

/**
 * What each shortcut does. Returns false when it did nothing, so the key keeps its default (Esc with
 * no tour on screen); PageUp/PageDown report true even with no tour, so a focused slider never
 * takes a clicker's key.
 */
function runners(loop: FrameLoop): Record<ShortcutId, () => boolean> {
  const done = (f: () => unknown) => () => {
    void f();
    return true;
  };
  return {
    play: done(actions.togglePlay),
    forward: done(() => tourForward() || loop.stepForward()),
    back: done(() => tourBackward() || loop.stepBack()),
    faster: done(() => actions.nudgeSpeed(1)),
    slower: done(() => actions.nudgeSpeed(-1)),
    reset: done(() => loop.reset()),
    tourNext: done(tourForward),
    tourPrevious: done(tourBackward),
    leave: tourLeave,
    tourText: tourToggleText,
    presenter: done(presenter.toggle),
    fullscreen: done(presenter.toggleFullscreen),
    blackout: done(() => presenter.blackout(true)),
    help: done(openShortcuts),
    timelineZoomIn: () => timelineKey('zoomIn'),
    timelineZoomOut: () => timelineKey('zoomOut'),
    timelinePanLeft: () => timelineKey('panLeft'),
    timelinePanRight: () => timelineKey('panRight'),
  };
}

/**
 * The page's shortcuts (the table is src/ui/keyboard/shortcuts.ts; `?` lists it). A key reaches them
 * only when the focused control has no use for it (routing.ts): a focused button keeps Space, a
 * radio group or the chart tabs keep the arrows, a slider keeps its arrows, a field keeps what is
 * typed; a clicker's keys (PageUp, PageDown, B, ., F, P) always come through. Listens on this
 * document's window only: embedded in a slide, it hears keys only while the embed has the focus.
 */
export function useKeyboard(loop: FrameLoop, scope: KeyScope = 'app'): void {
  useEffect(() => {
    const run = runners(loop);
    const onKey = (e: KeyboardEvent) => {
      if (presenterStore.getState().blackout) {
        // Blackout (B or .) lasts until any key: that key only brings the screen back.
        presenter.blackout(false);
        e.preventDefault();
        return;
      }
      if (e.defaultPrevented) return; // a control's own handler took it (a diagram box, a guess point)
      const shortcut = routeKey(e, focusKindOf(document.activeElement), scope);
      if (shortcut && run[shortcut.id]()) e.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [loop, scope]);
}
