import { useMemo } from 'react';
import {
  SMALLEST_TEXT_PX,
  TimeSeriesChart,
  chooseTimeUnit,
  formatTimeNs,
  useElementSize,
} from '../../charts/index.ts';
import { textScaleFor, usePresenter } from '../presenter/index.ts';
import { useApp, type AppState } from '../../store/index.ts';
import { liveSeries } from './chartData.ts';

const selectLive = (s: AppState) => s.liveSeries;
const selectMode = (s: AppState) => s.settings.mode;

/** The running simulation: throughput and CPU per domain over simulated time. */
export function LiveChart() {
  const samples = useApp(selectLive);
  const [ref, { width, height }] = useElementSize();
  const mode = useApp(selectMode);
  const textScale = usePresenter((s) => (s.on ? textScaleFor(SMALLEST_TEXT_PX) : 1));
  const series = useMemo(() => liveSeries(samples, mode), [samples, mode]);
  // CPU is in % of one core: a domain with several busy vCPUs goes past 100 %.
  const cpuMax = useMemo(() => {
    let max = 100;
    for (const s of series)
      if (s.axis === 'right') for (let i = 0; i < s.values.length; i++) max = Math.max(max, s.values[i]);
    return Math.ceil(max / 50) * 50;
  }, [series]);
  // Each point is a mean over a window of simulated time (src/live/liveSamples.ts): say how long.
  const windowNs = samples.at(-1)?.windowNs ?? 0;
  const shownNs = windowNs > 0 ? Number(windowNs.toPrecision(2)) : 0;
  const title = `Running: means over the last ${formatTimeNs(shownNs, chooseTimeUnit(shownNs))}`;
  return (
    <div
      ref={ref}
      className="chart-fill"
      data-testid="chart-live"
      data-samples={samples.length}
      data-window-ns={windowNs}
    >
      {samples.length === 0 && (
        <p className="chart-wait">Press play: the running simulation is charted here.</p>
      )}
      {width > 0 && height > 0 && samples.length > 0 && (
        <TimeSeriesChart
          width={width}
          height={height}
          title={title}
          xLabel="simulated time"
          yLabel="throughput (MiB/s)"
          yRightLabel="CPU (% of a core)"
          yRightDomain={[0, cpuMax]}
          series={series}
          textScale={textScale}
          testId="live-chart"
        />
      )}
    </div>
  );
}
