import { useStore } from 'zustand';
import { appStore } from '../../store/index.ts';
import { decodePresenter } from '../../store/urlState.ts';
import { applyPresenterTextVar } from './scale.ts';
import { createPresenterActions, createPresenterStore, type PresenterState } from './presenterStore.ts';

/** The page's presenter state, started from the link (`presenter=1`). */
export const presenterStore = createPresenterStore(
  typeof location !== 'undefined' && decodePresenter(location.search),
);
export const presenter = createPresenterActions(presenterStore, appStore);
if (typeof document !== 'undefined') applyPresenterTextVar(document.documentElement);

export function usePresenter<T>(selector: (s: PresenterState) => T): T {
  return useStore(presenterStore, selector);
}

export { textScaleFor } from './scale.ts';
export { PRESENTER_MIN_TEXT_PX, type PresenterState, type PresenterView } from './presenterStore.ts';
