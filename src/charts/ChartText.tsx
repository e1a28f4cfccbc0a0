/** Text shared by the charts: the title and the "updating…" note shown while data are stale. */
import { INK, INK_DIM } from './theme.ts';
import { truncate } from './layout.ts';
export { staleNoteWidth } from './layout.ts';

type ChartTitleProps = { x: number; y: number; fontSize: number; text: string; maxWidth: number };

/** The chart's title, shortened with an ellipsis if it would not fit (the full text stays in `<title>`). */
export function ChartTitle({ x, y, fontSize, text, maxWidth }: ChartTitleProps) {
  return (
    <text x={x} y={y} fontSize={fontSize} fontWeight={700} data-testid="chart-title" style={{ fill: INK }}>
      {truncate(text, maxWidth, fontSize, true)}
    </text>
  );
}

/** Right-aligned at (x, y): tells the audience the dimmed curves are about to change. */
export function StaleNote({ x, y, fontSize }: { x: number; y: number; fontSize: number }) {
  return (
    <text
      x={x}
      y={y}
      textAnchor="end"
      fontSize={fontSize}
      fontStyle="italic"
      data-testid="stale-note"
      style={{ fill: INK_DIM }}
    >
      updating…
    </text>
  );
}
