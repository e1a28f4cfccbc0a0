// Every chart as a table too, for readers who cannot see it: the rows come from the same chart data
// the chart draws and the CSV export writes (../export/chartExport.ts → ../export/tables.ts).
import { useApp, type AppState } from '../../store/index.ts';
import { chartTables, type ChartExportTab } from '../export/chartExport.ts';
import type { Cell } from '../export/csv.ts';
import './a11y.css';

/** "size_bytes" → "size (bytes)": the unit said in words in the header. */
export function columnHeader(column: string): string {
  const m = /^(.+)_(bytes|ns|us|ms)$/.exec(column);
  return m ? `${m[1].replace(/_/g, ' ')} (${m[2]})` : column.replace(/_/g, ' ');
}

/** A cell as read aloud: whole numbers as they are, others to four significant digits. */
export function cellText(v: Cell): string {
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return '—';
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

/** The "Data table" button of the chart tools strip: shows or hides the tables under the chart. */
export function DataTableToggle({
  open,
  onToggle,
  controls,
}: {
  open: boolean;
  onToggle: () => void;
  controls: string;
}) {
  return (
    <button
      type="button"
      className="export-toggle data-table-toggle"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
      data-testid="data-table-toggle"
    >
      Data table
    </button>
  );
}

// What the tables are built from: subscribing re-renders them when the chart's data changes.
const selectPoints = (s: AppState) => s.sweep.points;
const selectLive = (s: AppState) => s.liveSeries;
const selectSettings = (s: AppState) => s.settings;

/**
 * The tab's tables (the CPU tab has two: the bars and the totals), each with a caption and a header
 * row with units, in a scrolling region that takes the focus so a keyboard can scroll it.
 */
export function ChartDataTables({ tab, cpuLog, id }: { tab: ChartExportTab; cpuLog: boolean; id: string }) {
  useApp(selectPoints);
  useApp(selectLive);
  useApp(selectSettings);
  const tables = chartTables(tab, cpuLog);
  return (
    <div
      id={id}
      className="data-table-wrap"
      role="region"
      aria-label="The chart's data as tables"
      tabIndex={0}
      data-testid="data-table"
    >
      {tables.every((t) => t.table.rows.length === 0) && <p>No data yet.</p>}
      {tables.map(({ id: key, what, table }) => (
        <table key={key} className="data-table" data-table-id={key}>
          <caption>
            {what}, one row per point drawn ({table.rows.length} rows)
          </caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {columnHeader(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((v, j) => (
                  <td key={j}>{cellText(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
