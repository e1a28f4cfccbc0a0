/** The export menu of the chart on the current tab (none for the journey and the timeline, panels of their own). */
import { useMemo, type RefObject } from 'react';
import type { ChartTab } from '../../store/index.ts';
import { chartExporter, isChartExportTab } from './chartExport.ts';
import { ExportMenu } from './ExportMenu.tsx';

export function ChartExportMenu({
  tab,
  cpuLog,
  area,
}: {
  tab: ChartTab;
  cpuLog: boolean;
  /** The chart area the tab's figure is drawn in. */
  area: RefObject<HTMLElement | null>;
}) {
  const exporter = useMemo(
    () => (isChartExportTab(tab) ? chartExporter(tab, cpuLog, () => area.current) : null),
    [tab, cpuLog, area],
  );
  if (!exporter) return null;
  return <ExportMenu key={tab} exporter={exporter} scope={tab} />;
}
