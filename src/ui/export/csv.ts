/**
 * CSV exports: comment lines that state everything that produced the numbers (`# mode=pv-tcp`,
 * `# seed=1`, `# app=xen-hpc-io-sim 0.1.0`, each changed model constant as `# p.<name>=<value>`, as
 * the link spells it), then a header row and one row per point the chart shows. Quoting is
 * d3-dsv's, so labels with commas or quotes survive a spreadsheet.
 */
import { csvFormatRows } from 'd3-dsv';
import type { Settings } from '../../store/index.ts';
import { APP_ID } from './appInfo.ts';
import { changedParams, type FigureContext } from './caption.ts';

export type Cell = string | number;

/** A table as a chart shows it: column names with their units, and rows of values. */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** The parameter lines' keys and values, in the order they are written. */
export function csvMeta(
  figure: { id: string; title: string },
  s: Settings,
  table: Table,
  ctx: FigureContext = {},
): [string, string][] {
  const changed = changedParams(s);
  return [
    ['figure', figure.id],
    ['title', figure.title],
    ['app', APP_ID],
    ['mode', s.mode],
    ['op', s.op],
    ['workload', s.workload],
    ['sizeBytes', String(s.sizeBytes)],
    ['vms', String(s.vms)],
    ['window', String(s.window)],
    ['seed', String(s.seed)],
    ...(changed.length > 0
      ? changed.map(([k, v]): [string, string] => [`p.${k}`, String(v)])
      : [['params', 'defaults'] as [string, string]]),
    ...(ctx.nowNs !== undefined ? [['nowNs', String(ctx.nowNs)] as [string, string]] : []),
    ['rows', String(table.rows.length)],
  ];
}

/** A number in its shortest exact form (as JavaScript writes it), NaN and infinities as empty cells. */
const cell = (v: Cell): string => (typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v);

/** One line per parameter (line breaks in values become spaces), then the table. Ends with a newline. */
export function csvDocument(meta: readonly (readonly [string, string])[], table: Table): string {
  const head = meta.map(([k, v]) => `# ${k}=${v.replace(/[\r\n]+/g, ' ')}`);
  const body = csvFormatRows([[...table.columns], ...table.rows.map((r) => r.map(cell))]);
  return `${[...head, body].join('\n')}\n`;
}
