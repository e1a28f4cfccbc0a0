import { leaveTour, nextStep, previousStep, toggleTourText } from './tourController.ts';
import { tourActive } from './tourStore.ts';

/**
 * The tour's share of the keyboard (the keys themselves are in src/ui/keyboard/shortcuts.ts): while a
 * tour is on screen, PageDown / PageUp (a presentation clicker) and → ← move between steps instead
 * of stepping the simulation, and Esc leaves the tour. Each returns whether the tour took the key.
 */
export function tourForward(): boolean {
  if (!tourActive()) return false;
  nextStep();
  return true;
}

export function tourBackward(): boolean {
  if (!tourActive()) return false;
  previousStep();
  return true;
}

export function tourLeave(): boolean {
  if (!tourActive()) return false;
  leaveTour();
  return true;
}

export function tourToggleText(): boolean {
  if (!tourActive()) return false;
  toggleTourText();
  return true;
}
