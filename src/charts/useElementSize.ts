import { startTransition, useEffect, useState } from 'react';

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
  useEffect(() => {
    if (!node || typeof ResizeObserver === 'undefined') return;
    // The first notification arrives right after observe(), so no synchronous measurement is needed.
    const observer = new ResizeObserver((entries) => {
      const rect = entries[entries.length - 1]?.contentRect;
      if (!rect) return;
      const width = Math.max(0, Math.floor(rect.width));
      const height = Math.max(0, Math.floor(rect.height));
      // A transition: what a new size re-renders (at load, the whole diagram and the charts, first
      // drawn at 0 × 0) is built in slices that let the page respond, not in one long task.
      startTransition(() =>
        setSize((prev) => (prev.width === width && prev.height === height ? prev : { width, height })),
      );
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [node]);
  return [setNode, size];
}

const ZERO: ElementSize = { width: 0, height: 0 };
