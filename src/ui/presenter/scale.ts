/**
 * The projector theme's one number: the smallest text a projector audience reads from the back row,
 * CSS px at 1366×768. The page's root font, the diagram's projector layout and the charts' text scale
 * all follow it.
 */
export const PRESENTER_MIN_TEXT_PX = 24;

/** Sets the CSS variable the projector theme's stylesheet reads (styles/presenter.css). */
export function applyPresenterTextVar(root: HTMLElement): void {
  root.style.setProperty('--presenter-text', `${PRESENTER_MIN_TEXT_PX}px`);
}

/** The factor that lifts text drawn at `smallestPx` on a desk to the projector's minimum (1 when it is already there). */
export function textScaleFor(smallestPx: number): number {
  return Math.max(1, PRESENTER_MIN_TEXT_PX / smallestPx);
}
