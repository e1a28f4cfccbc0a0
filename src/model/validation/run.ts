import { runScenario } from '../run.ts';
import type { RunResult, Scenario } from '../types.ts';
import { describeTolerance, withinTolerance, type ValidationRow } from './types.ts';

/** One row's outcome: the published value beside the model's, computed by running it now. */
export interface RowOutcome {
  readonly id: string;
  readonly group: ValidationRow['group'];
  readonly result: string;
  readonly source: ValidationRow['source'];
  readonly published: number;
  readonly unit: string;
  /** NaN when a run failed (see `error`). */
  readonly model: number;
  /** (model − published) / published, in %. */
  readonly deviationPct: number;
  readonly tolerance: string;
  readonly pass: boolean;
  readonly required: boolean;
  readonly reading: string;
  readonly mapping: string;
  /** The row's one line on why, where it fails; empty where it passes. */
  readonly why: string;
  readonly error?: string;
}

export interface ValidationReport {
  readonly rows: RowOutcome[];
  readonly passed: number;
  readonly failed: number;
  /** Ids of required rows that failed: any makes `validate` exit non-zero. */
  readonly requiredFailed: string[];
  /** Distinct scenarios run (rows share runs of the same scenario). */
  readonly runs: number;
}

const round = (x: number, digits: number) => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : x);

/** Runs every row's scenarios (each distinct scenario once) and compares. */
export function runValidation(rows: readonly ValidationRow[]): ValidationReport {
  const cache = new Map<string, RunResult>();
  const run = (s: Scenario): RunResult => {
    const key = JSON.stringify(s);
    let r = cache.get(key);
    if (!r) {
      r = runScenario(s);
      cache.set(key, r);
    }
    return r;
  };
  const outcomes = rows.map((row) => outcome(row, run));
  const requiredFailed = outcomes.filter((o) => o.required && !o.pass).map((o) => o.id);
  const passed = outcomes.filter((o) => o.pass).length;
  return {
    rows: outcomes,
    passed,
    failed: outcomes.length - passed,
    requiredFailed,
    runs: cache.size,
  };
}

function outcome(row: ValidationRow, run: (s: Scenario) => RunResult): RowOutcome {
  let model = NaN;
  let error: string | undefined;
  try {
    const results: Record<string, RunResult> = {};
    for (const [name, s] of Object.entries(row.runs)) results[name] = run(s);
    model = row.read(results);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  // Judged on the value as printed, so the table and its verdict always agree.
  const shown = round(model, 4);
  const pass = error === undefined && withinTolerance(row.tolerance, row.published, shown);
  return {
    id: row.id,
    group: row.group,
    result: row.result,
    source: row.source,
    published: round(row.published, 4),
    unit: row.unit,
    model: shown,
    deviationPct: round(((shown - row.published) / row.published) * 100, 3),
    tolerance: describeTolerance(row.tolerance, row.unit),
    pass,
    required: row.required,
    reading: row.reading,
    mapping: row.mapping,
    why: pass ? '' : error ? `the run failed: ${error}` : whyItFails(row, shown),
    ...(error === undefined ? {} : { error }),
  };
}

function whyItFails(row: ValidationRow, model: number): string {
  if (typeof row.ifFails === 'string') return row.ifFails;
  return model > row.published ? row.ifFails.above : row.ifFails.below;
}
