/**
 * The box every chart lives in: a positioned div that is either the size given in px, or fills its
 * container (100% × 100%) and is measured with `useElementSize`. The chart inside renders only once
 * its size is known and positive, so no layout ever sees a zero or NaN size.
 */
import type { ReactNode } from 'react';
import { useElementSize } from './useElementSize.ts';
import type { ElementSize } from './useElementSize.ts';

type ChartFrameProps = {
  /** Width in px; omit to fill the container's width. */
  width?: number;
  /** Height in px; omit to fill the container's height (the container must have one). */
  height?: number;
  /** Names the kind of chart in `data-chart`, for tests and styling. */
  kind: string;
  children: (size: ElementSize) => ReactNode;
};

export function ChartFrame({ width, height, kind, children }: ChartFrameProps) {
  const [ref, measured] = useElementSize<HTMLDivElement>();
  const w = Math.floor(validSize(width) ?? measured.width);
  const h = Math.floor(validSize(height) ?? measured.height);
  return (
    <div
      ref={ref}
      data-chart={kind}
      style={{
        position: 'relative',
        width: validSize(width) ?? '100%',
        height: validSize(height) ?? '100%',
        minWidth: 0,
        minHeight: 0,
        overflow: 'hidden',
      }}
    >
      {w > 0 && h > 0 ? children({ width: w, height: h }) : null}
    </div>
  );
}

function validSize(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.min(value, 16384) : undefined;
}
