/**
 * Chart components: data in by props, d3 for scales, shapes and ticks, React for every SVG node.
 * Each chart takes `width` and `height` in px, or fills its container when they are omitted.
 */
export { LineChart } from './LineChart.tsx';
export type { LineChartProps } from './LineChart.tsx';
export type { LineSeries, ReferenceLine, ReferencePoint, XYPoint } from './lineChartGeometry.ts';
export { StackedBarChart } from './StackedBarChart.tsx';
export type { StackedBarChartProps } from './StackedBarChart.tsx';
export type { Stack } from './stackedBarGeometry.ts';
export { TimeSeriesChart } from './TimeSeriesChart.tsx';
export type { TimeSeriesChartProps } from './TimeSeriesChart.tsx';
export type { TimeSeries } from './timeSeriesGeometry.ts';
export { resizesPending, useElementSize } from './useElementSize.ts';
export type { ElementSize } from './useElementSize.ts';
export { categoryStyles, seriesStyle, SMALLEST_TEXT_PX } from './theme.ts';
export type { FillStyle, SeriesStyle } from './theme.ts';
export {
  chooseTimeUnit,
  formatBytesLabel,
  formatMiBps,
  formatMicros,
  formatPercent,
  formatTimeNs,
  formatWithUnit,
} from './format.ts';
export { HorizontalBarChart } from './HorizontalBarChart.tsx';
export type { HorizontalBarChartProps } from './HorizontalBarChart.tsx';
export type { BarPart, HBarData, HBarRow } from './hBarGeometry.ts';
export { SmallMultiplesChart } from './SmallMultiplesChart.tsx';
export type { SmallMultiplesChartProps } from './SmallMultiplesChart.tsx';
export type { LinesPanel, SmallMultiplesData } from './totalsGeometry.ts';
export { CpuSizeView } from './CpuSizeView.tsx';
export type { CpuSizeViewProps } from './CpuSizeView.tsx';
