import { leaveTour, nextStep, previousStep } from './tourController.ts';
import { tourActive } from './tourStore.ts';

/**
 * A presentation clicker sends PageDown / PageUp: while a tour is on screen those, and → ←, move
 * between steps (not the simulation), and Esc leaves the tour. Returns whether the key was the tour's.
 */
export function handleTourKey(key: string): boolean {
  if (!tourActive()) return false;
  switch (key) {
    case 'PageDown':
    case 'ArrowRight':
      nextStep();
      return true;
    case 'PageUp':
    case 'ArrowLeft':
      previousStep();
      return true;
    case 'Escape':
      leaveTour();
      return true;
    default:
      return false;
  }
}
