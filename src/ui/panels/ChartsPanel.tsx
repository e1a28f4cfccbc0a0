import { useMemo, useState } from 'react';
import { CpuBreakdownPanels, LineChart, TimeSeriesChart, useElementSize } from '../../charts/index.ts';
import { actions, useApp, type AppState, type ChartTab } from '../../store/index.ts';
import { CATEGORY_ORDER, cpuPanels, lineSeries, liveSeries } from './chartData.ts';
import { JourneyPanel } from './JourneyPanel.tsx';

const TABS: { key: ChartTab; label: string }[] = [
  { key: 'cpu', label: 'CPU per message' },
  { key: 'throughput', label: 'Throughput' },
  { key: 'latency', label: 'Latency' },
  { key: 'pktgen', label: 'pktgen' },
  { key: 'live', label: 'Running' },
  { key: 'journey', label: 'Journey' },
];

const WIRE_MIB_PER_S = 10e9 / 8 / 2 ** 20;

const selectTab = (s: AppState) => s.chartTab;
const selectSweep = (s: AppState) => s.sweep;
const selectSize = (s: AppState) => s.settings.sizeBytes;
const selectLinkGbps = (s: AppState) => s.settings.params.linkGbps ?? 10;
const selectLive = (s: AppState) => s.liveSeries;

/** The charts, one at a time in tabs so each is large enough to read from the back of the room. */
export function ChartsPanel() {
  const tab = useApp(selectTab);
  const sweep = useApp(selectSweep);
  // CPU per message spans µs to ms: a log axis (on demand) shows the framework's small bars beside TCP's.
  const [cpuLog, setCpuLog] = useState(false);
  return (
    <div className="charts-panel">
      <div className="tabs" role="tablist" aria-label="Charts">
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            aria-selected={tab === t.key}
            data-testid={`tab-${t.key}`}
            onClick={() => actions.setChartTab(t.key)}
          >
            {t.label}
          </button>
        ))}
        <SweepStatus />
        {tab === 'cpu' && (
          <button
            type="button"
            className="scale-toggle"
            onClick={() => setCpuLog(!cpuLog)}
            data-testid="cpu-scale"
          >
            y: {cpuLog ? 'log' : 'linear'}
          </button>
        )}
      </div>
      <div className="chart-area" role="tabpanel" data-chart-tab={tab}>
        {sweep.error && <p className="chart-error">The sweep failed: {sweep.error}</p>}
        {tab === 'live' ? (
          <LiveChart />
        ) : tab === 'journey' ? (
          <JourneyPanel />
        ) : (
          <SweepChart tab={tab} cpuLog={cpuLog} />
        )}
      </div>
    </div>
  );
}

function SweepStatus() {
  const sweep = useApp(selectSweep);
  if (!sweep.progress) return null;
  const pct = Math.round((100 * sweep.progress.done) / Math.max(1, sweep.progress.total));
  return (
    <span className="sweep-progress" role="status" data-testid="sweep-progress">
      recomputing {pct} %
      <progress max={100} value={pct} />
    </span>
  );
}

function SweepChart({ tab, cpuLog }: { tab: Exclude<ChartTab, 'live' | 'journey'>; cpuLog: boolean }) {
  const sweep = useApp(selectSweep);
  const sizeBytes = useApp(selectSize);
  const linkGbps = useApp(selectLinkGbps);
  const [ref, { width, height }] = useElementSize();
  const points = sweep.points;
  const throughput = useMemo(() => lineSeries(points, (p) => p.throughputMiBps), [points]);
  const latency = useMemo(() => lineSeries(points, (p) => p.latencyUs), [points]);
  const panels = useMemo(() => cpuPanels(points), [points]);
  const pktgen = useMemo(() => lineSeries(points, (p) => p.throughputMiBps, 'pktgen'), [points]);
  const vifCap = useMemo(() => [{ x: 1514, y: 416, label: 'poster: 416 MiB/s', series: 'pv-tcp' }], []);
  const wire = useMemo(
    () => [{ y: (WIRE_MIB_PER_S * linkGbps) / 10, label: `${linkGbps} GbE wire` }],
    [linkGbps],
  );
  const posterPoints = useMemo(
    () => [
      { x: 64, y: 77, label: 'poster: 77 µs', series: 'pv-tcp' },
      { x: 64, y: 28, label: 'poster: 28 µs', series: 'zero-copy' },
    ],
    [],
  );
  const ok = width > 0 && height > 0 && points.length > 0;
  return (
    <div ref={ref} className="chart-fill" data-testid={`chart-${tab}`} data-points={points.length}>
      {!ok && <p className="chart-wait">Computing the sweep…</p>}
      {ok && tab === 'cpu' && (
        <CpuBreakdownPanels
          width={width}
          height={height}
          title="CPU time per RDMA write, by domain and subsystem"
          panels={panels}
          categoryOrder={CATEGORY_ORDER}
          markerX={sizeBytes}
          stale={sweep.stale}
          yLabel="CPU per message (µs)"
          yLog={cpuLog}
        />
      )}
      {ok && tab === 'throughput' && (
        <LineChart
          width={width}
          height={height}
          title="Streaming throughput vs message size"
          xLabel="message size"
          yLabel="throughput (MiB/s)"
          series={throughput}
          referenceLines={wire}
          markerX={sizeBytes}
          stale={sweep.stale}
          testId="throughput-chart"
        />
      )}
      {ok && tab === 'pktgen' && (
        <LineChart
          width={width}
          height={height}
          title="pktgen: socket-buffer production rate vs frame size"
          xLabel="frame size"
          yLabel="rate (MiB/s)"
          series={pktgen}
          referenceLines={wire}
          referencePoints={vifCap}
          markerX={sizeBytes}
          stale={sweep.stale}
          testId="pktgen-chart"
        />
      )}
      {ok && tab === 'latency' && (
        <LineChart
          width={width}
          height={height}
          title="One-way latency vs message size"
          xLabel="message size"
          yLabel="latency (µs)"
          yLog
          series={latency}
          referencePoints={posterPoints}
          markerX={sizeBytes}
          stale={sweep.stale}
          testId="latency-chart"
        />
      )}
    </div>
  );
}

function LiveChart() {
  const samples = useApp(selectLive);
  const [ref, { width, height }] = useElementSize();
  const series = useMemo(() => liveSeries(samples), [samples]);
  // CPU is in % of one core: a domain with several busy vCPUs goes past 100 %.
  const cpuMax = useMemo(() => {
    let max = 100;
    for (const s of series)
      if (s.axis === 'right') for (let i = 0; i < s.values.length; i++) max = Math.max(max, s.values[i]);
    return Math.ceil(max / 50) * 50;
  }, [series]);
  return (
    <div ref={ref} className="chart-fill" data-testid="chart-live" data-samples={samples.length}>
      {samples.length === 0 && (
        <p className="chart-wait">Press play: the running simulation is charted here.</p>
      )}
      {width > 0 && height > 0 && samples.length > 0 && (
        <TimeSeriesChart
          width={width}
          height={height}
          title="The running simulation"
          xLabel="simulated time"
          yLabel="throughput (MiB/s)"
          yRightLabel="CPU (% of a core)"
          yRightDomain={[0, cpuMax]}
          series={series}
          testId="live-chart"
        />
      )}
    </div>
  );
}
