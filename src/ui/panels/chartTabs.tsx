import type { ReactNode } from 'react';
import type { ChartTab } from '../../store/index.ts';
import { rovingIndex } from '../keyboard/roving.ts';
import { AbPanel } from '../ab/AbPanel.tsx';
import { JourneyPanel } from './JourneyPanel.tsx';
import { LiveChart } from './LiveChart.tsx';
import { SweepChart } from './SweepChart.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { CpuChart, LatencyChart, PktgenChart, ThroughputChart } from './sweepCharts.tsx';

/** What a tab's body is given by the panel around it. */
export interface TabBodyProps {
  /** CPU per message on a log axis (the CPU tab's toggle). */
  readonly cpuLog: boolean;
}

export interface ChartTabSpec {
  /** The tab's name on its button. */
  readonly label: string;
  readonly body: (p: TabBodyProps) => ReactNode;
}

/**
 * Every chart tab, in the order of the tab bar. Keyed by `ChartTab`: a tab added to the type and
 * missing here (or the other way round) does not compile.
 */
export const CHART_TABS: Readonly<Record<ChartTab, ChartTabSpec>> = {
  cpu: { label: 'CPU', body: (p) => <SweepChart tab="cpu" chart={CpuChart} cpuLog={p.cpuLog} /> },
  throughput: {
    label: 'Throughput',
    body: (p) => <SweepChart tab="throughput" chart={ThroughputChart} cpuLog={p.cpuLog} />,
  },
  latency: {
    label: 'Latency',
    body: (p) => <SweepChart tab="latency" chart={LatencyChart} cpuLog={p.cpuLog} />,
  },
  pktgen: { label: 'pktgen', body: (p) => <SweepChart tab="pktgen" chart={PktgenChart} cpuLog={p.cpuLog} /> },
  live: { label: 'Running', body: () => <LiveChart /> },
  timeline: { label: 'Timeline', body: () => <Timeline /> },
  ab: { label: 'A/B', body: () => <AbPanel /> },
  journey: { label: 'Journey', body: () => <JourneyPanel /> },
};

/** The tabs in tab-bar order. */
export const CHART_TAB_ORDER = Object.keys(CHART_TABS) as ChartTab[];

/** The id of a tab's button, which labels the panel (aria-labelledby). */
export const chartTabId = (key: ChartTab) => `chart-tab-${key}`;
/** The id of the one panel the tabs control (aria-controls). */
export const CHART_PANEL_ID = 'chart-panel';

/**
 * The tab a key moves to from the focused tab `from` (a tab list: ← → wrap, Home and End go to the
 * ends; the tab is shown as it gets the focus), or null when the key is not the tab list's.
 */
export function chartTabAfterKey(key: string, from: ChartTab): ChartTab | null {
  const i = rovingIndex(key, CHART_TAB_ORDER.indexOf(from), CHART_TAB_ORDER.length, true);
  return i === null ? null : CHART_TAB_ORDER[i];
}
