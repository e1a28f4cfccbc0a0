import { startTransition, useLayoutEffect, useRef, useState } from 'react';

/** The content-box size of an element in whole px; 0 × 0 until it has been measured. */
export type ElementSize = { width: number; height: number };

/**
 * Measures an element with a ResizeObserver. Returns a callback ref to put on the element and its
 * current size, which changes only when the whole-pixel size does (so a chart re-renders once per
 * real resize, not once per sub-pixel jitter).
 *
 * @example
 * const [ref, { width, height }] = useElementSize();
 * return <div ref={ref} style={{ height: '100%' }}>{width > 0 && <LineChart width={width} height={height} … />}</div>;
 */
export function useElementSize<T extends Element = HTMLDivElement>(): [
  (node: T | null) => void,
  ElementSize,
] {
  const [node, setNode] = useState<T | null>(null);
  const [size, setSize] = useState<ElementSize>(ZERO);
  // What is on screen and the latest measurement (null until the first), shared with the observer;
  // the ref itself is this element's entry in `resizing`.
  const self = useRef<{ shown: ElementSize; measured: ElementSize | null }>({ shown: ZERO, measured: null });
  // At commit (a layout effect), so the element counts as resizing from the moment it is on the page.
  useLayoutEffect(() => {
    if (!node || typeof ResizeObserver === 'undefined') return;
    // The first notification arrives right after observe(), so no synchronous measurement is needed.
    resizing.add(self);
    const observer = new ResizeObserver((entries) => {
      const rect = entries[entries.length - 1]?.contentRect;
      if (!rect) return;
      const width = Math.max(0, Math.floor(rect.width));
      const height = Math.max(0, Math.floor(rect.height));
      const measured = { width, height };
      self.current.measured = measured;
      if (sameSize(measured, self.current.shown)) resizing.delete(self);
      else resizing.add(self);
      // The first size as a transition: what it renders (at load, the whole diagram and the charts,
      // first drawn at 0 × 0) is built in slices that let the page respond, not in one long task.
      // Later resizes at once, so the diagram's layout and what is drawn on it never lag apart.
      const apply = () => setSize((prev) => (sameSize(prev, self.current.measured) ? prev : measured));
      if (sameSize(self.current.shown, ZERO)) startTransition(apply);
      else apply();
    });
    observer.observe(node);
    return () => {
      observer.disconnect();
      resizing.delete(self);
    };
  }, [node]);
  useLayoutEffect(() => {
    self.current.shown = size;
    if (sameSize(size, self.current.measured)) resizing.delete(self);
  }, [size]);
  return [setNode, size];
}

/** Elements whose measured size is not on screen yet (its transition is still rendering). */
const resizing = new Set<object>();

/**
 * How many measured elements still show an older size: 0 once every resize's render has been
 * committed (the browser tests' hook waits for it, as the renders are transitions).
 */
export function resizesPending(): number {
  return resizing.size;
}

const sameSize = (a: ElementSize, b: ElementSize | null) =>
  b !== null && a.width === b.width && a.height === b.height;

const ZERO: ElementSize = { width: 0, height: 0 };
