import type { ComponentType } from 'react';
import { useElementSize } from '../../charts/index.ts';
import { paramValue } from '../../store/settings.ts';
import { useApp, type AppState, type ChartTab } from '../../store/index.ts';
import type { SweepChartProps } from './sweepCharts.tsx';
import { SMALLEST_TEXT_PX } from '../../charts/index.ts';
import { textScaleFor, usePresenter } from '../presenter/index.ts';

const selectSweep = (s: AppState) => s.sweep;
const selectPinned = (s: AppState) => s.ab.sweep?.points ?? null;
const selectSize = (s: AppState) => s.settings.sizeBytes;
const selectLinkGbps = (s: AppState) => paramValue(s.settings.params, 'linkGbps');

/** A chart of the sweep, sized to its tab, with a note while the first sweep is computed. */
export function SweepChart({
  tab,
  chart: Chart,
  cpuLog,
}: {
  tab: ChartTab;
  chart: ComponentType<SweepChartProps>;
  cpuLog: boolean;
}) {
  const sweep = useApp(selectSweep);
  const pinnedPoints = useApp(selectPinned);
  const sizeBytes = useApp(selectSize);
  const linkGbps = useApp(selectLinkGbps);
  // Presenter mode: every tick, label and tooltip at the projector's minimum text size.
  const textScale = usePresenter((s) => (s.on ? textScaleFor(SMALLEST_TEXT_PX) : 1));
  const [ref, { width, height }] = useElementSize();
  const points = sweep.points;
  const ok = width > 0 && height > 0 && points.length > 0;
  return (
    <div ref={ref} className="chart-fill" data-testid={`chart-${tab}`} data-points={points.length}>
      {!ok && <p className="chart-wait">Computing the sweep…</p>}
      {ok && (
        <Chart
          width={width}
          height={height}
          points={points}
          pinnedPoints={pinnedPoints && pinnedPoints.length > 0 ? pinnedPoints : null}
          sizeBytes={sizeBytes}
          // Stopped by an error, the curves are not about to change: not "updating…" (the panel says why).
          stale={sweep.stale && !sweep.error}
          linkGbps={linkGbps}
          cpuLog={cpuLog}
          textScale={textScale}
        />
      )}
    </div>
  );
}
