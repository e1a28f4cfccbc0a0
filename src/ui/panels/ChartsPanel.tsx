import { useRef, useState } from 'react';
import { actions, useApp, type AppState } from '../../store/index.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { ChartExportMenu } from '../export/ChartExportMenu.tsx';
import { isChartExportTab } from '../export/chartExport.ts';
import { ChartDataTables, DataTableToggle } from '../a11y/ChartDataTable.tsx';
import { CHART_PANEL_ID, CHART_TABS, CHART_TAB_ORDER, chartTabAfterKey, chartTabId } from './chartTabs.tsx';

const selectTab = (s: AppState) => s.chartTab;
const selectSweep = (s: AppState) => s.sweep;
const selectSweepNote = (s: AppState) => s.sweepNote;
const DATA_TABLE_ID = 'chart-data-table';

/** The charts, one at a time in tabs so each is large enough to read from the back of the room. */
export function ChartsPanel() {
  const tab = useApp(selectTab);
  const sweep = useApp(selectSweep);
  const sweepNote = useApp(selectSweepNote);
  // The CPU tab's totals span µs to ms: on a log y axis by default, so the framework's line reads beside TCP's.
  const [cpuLog, setCpuLog] = useState(true);
  const area = useRef<HTMLDivElement>(null);
  // Each chart's data as a table, over the chart (src/ui/a11y): reachable by Tab from the tools strip.
  const [showTable, setShowTable] = useState(false);
  return (
    <div className="charts-panel">
      <div className="tabs">
        {/* The tab list holds the tabs only; the sweep's progress and the tools sit beside it. */}
        <div
          className="tab-list"
          role="tablist"
          aria-label="Charts"
          onKeyDown={(e) => {
            const to = (e.target as Element).getAttribute('role') === 'tab' && chartTabAfterKey(e.key, tab);
            if (!to || e.altKey || e.ctrlKey || e.metaKey) return;
            e.preventDefault();
            actions.setChartTab(to);
            document.getElementById(chartTabId(to))?.focus();
          }}
        >
          {CHART_TAB_ORDER.map((key) => (
            <button
              key={key}
              type="button"
              role="tab"
              id={chartTabId(key)}
              aria-selected={tab === key}
              aria-controls={CHART_PANEL_ID}
              tabIndex={tab === key ? 0 : -1}
              data-testid={`tab-${key}`}
              onClick={() => actions.setChartTab(key)}
            >
              {CHART_TABS[key].label}
            </button>
          ))}
        </div>
        <SweepStatus />
        <div className="chart-tools">
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
          {isChartExportTab(tab) && (
            <DataTableToggle
              open={showTable}
              onToggle={() => setShowTable(!showTable)}
              controls={DATA_TABLE_ID}
            />
          )}
          <ChartExportMenu tab={tab} cpuLog={cpuLog} area={area} />
        </div>
      </div>
      <div
        ref={area}
        className="chart-area"
        role="tabpanel"
        id={CHART_PANEL_ID}
        aria-labelledby={chartTabId(tab)}
        data-chart-tab={tab}
      >
        {sweep.error && (
          <p className="chart-error" role="alert" data-testid="sweep-error">
            The sweep stopped: {sweep.error}
          </p>
        )}
        {sweepNote && (
          <p className="chart-note" role="status" data-testid="sweep-note">
            {sweepNote}
          </p>
        )}
        {/* Each tab its own wall (keyed: another tab is another panel, mounted afresh). */}
        <ErrorBoundary key={tab} name={tab} label={`The ${CHART_TABS[tab].label} tab`}>
          {CHART_TABS[tab].body({ cpuLog })}
        </ErrorBoundary>
        {showTable && isChartExportTab(tab) && (
          <ChartDataTables tab={tab} cpuLog={cpuLog} id={DATA_TABLE_ID} />
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
