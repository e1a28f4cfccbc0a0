/** What W, S, A and D do to the timeline that has the focus (the shortcut table routes them here). */
export type TimelineKey = 'zoomIn' | 'zoomOut' | 'panLeft' | 'panRight';

let handler: ((key: TimelineKey) => void) | null = null;

/** The mounted timeline takes the keys; returns the function that lets them go. */
export function takeTimelineKeys(fn: (key: TimelineKey) => void): () => void {
  handler = fn;
  return () => {
    if (handler === fn) handler = null;
  };
}

/** Runs a timeline key; false when no timeline is there to take it. */
export function timelineKey(key: TimelineKey): boolean {
  if (!handler) return false;
  handler(key);
  return true;
}
