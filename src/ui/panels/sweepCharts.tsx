import { useMemo } from 'react';
import { CpuSizeView, LineChart } from '../../charts/index.ts';
import { NS_PER_S, mibPerSec } from '../../lib/units.ts';
import { POSTER } from '../../model/poster.ts';
import type { ChartPoint } from '../../worker/sweeps.ts';
import { cpuBarsAt, cpuTotals, lineSeries, withPinned } from './chartData.ts';

/** What every sweep chart is drawn from: the sweep's points and the settings they are read against. */
export interface SweepChartProps {
  readonly width: number;
  readonly height: number;
  readonly points: readonly ChartPoint[];
  /** A pinned scenario A's points, drawn over B's where the chart compares curves; null without A. */
  readonly pinnedPoints?: readonly ChartPoint[] | null;
  /** The chosen message size: a marker on every chart. */
  readonly sizeBytes: number;
  /** Recomputing: the old curves stay, dimmed. */
  readonly stale: boolean;
  readonly linkGbps: number;
  /** The CPU tab's toggle: the totals chart's y axis on a log scale (the bars stay linear). */
  readonly cpuLog: boolean;
  /** Text larger than the desk's by this factor (presenter mode). */
  readonly textScale?: number;
}

/** The wire's raw rate as a horizontal line, so a curve can be read against what the link can carry. */
function useWireLine(linkGbps: number) {
  return useMemo(
    () => [{ y: mibPerSec((linkGbps * 1e9) / 8, NS_PER_S), label: `${linkGbps} GbE wire` }],
    [linkGbps],
  );
}

export function CpuChart({ width, height, points, sizeBytes, stale, cpuLog, textScale }: SweepChartProps) {
  const bars = useMemo(
    () => ({ ...cpuBarsAt(points, sizeBytes), textScale }),
    [points, sizeBytes, textScale],
  );
  const totals = useMemo(
    () => ({ ...cpuTotals(points, sizeBytes, cpuLog), textScale }),
    [points, sizeBytes, cpuLog, textScale],
  );
  return <CpuSizeView width={width} height={height} bars={bars} totals={totals} stale={stale} />;
}

export function ThroughputChart({
  width,
  height,
  points,
  pinnedPoints,
  sizeBytes,
  stale,
  textScale,
  linkGbps,
}: SweepChartProps) {
  const series = useMemo(
    () => withPinned(points, pinnedPoints, (p) => p.throughputMiBps),
    [points, pinnedPoints],
  );
  const wire = useWireLine(linkGbps);
  return (
    <LineChart
      width={width}
      height={height}
      title="Streaming throughput vs message size"
      xLabel="message size"
      yLabel="throughput (MiB/s)"
      series={series}
      referenceLines={wire}
      markerX={sizeBytes}
      stale={stale}
      textScale={textScale}
      testId="throughput-chart"
    />
  );
}

export function PktgenChart({
  width,
  height,
  points,
  sizeBytes,
  stale,
  textScale,
  linkGbps,
}: SweepChartProps) {
  const series = useMemo(() => lineSeries(points, (p) => p.throughputMiBps, 'pktgen'), [points]);
  const wire = useWireLine(linkGbps);
  const vifCap = useMemo(
    () => [
      {
        x: POSTER.vifCapFrameBytes,
        y: POSTER.vifCapMiBps,
        label: `poster: ${POSTER.vifCapMiBps} MiB/s`,
        series: POSTER.vifCapMode,
      },
    ],
    [],
  );
  return (
    <LineChart
      width={width}
      height={height}
      title="pktgen: socket-buffer production rate vs frame size"
      xLabel="frame size"
      yLabel="rate (MiB/s)"
      series={series}
      referenceLines={wire}
      referencePoints={vifCap}
      markerX={sizeBytes}
      stale={stale}
      textScale={textScale}
      testId="pktgen-chart"
    />
  );
}

export function LatencyChart({
  width,
  height,
  points,
  pinnedPoints,
  sizeBytes,
  stale,
  textScale,
}: SweepChartProps) {
  const series = useMemo(() => withPinned(points, pinnedPoints, (p) => p.latencyUs), [points, pinnedPoints]);
  // The poster's one-way latencies are for a small message: drawn at the sweep's smallest size.
  const posterPoints = useMemo(() => {
    const x = Math.min(...series.flatMap((s) => s.points.map((p) => p.x)));
    return Object.entries(POSTER.latencyUs).map(([mode, y]) => ({
      x,
      y,
      label: `poster: ${y} µs`,
      series: mode,
    }));
  }, [series]);
  return (
    <LineChart
      width={width}
      height={height}
      title="One-way latency vs message size"
      xLabel="message size"
      yLabel="latency (µs)"
      yLog
      series={series}
      referencePoints={posterPoints}
      markerX={sizeBytes}
      stale={stale}
      textScale={textScale}
      testId="latency-chart"
    />
  );
}
