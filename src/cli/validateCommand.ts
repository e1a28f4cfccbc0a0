import { VALIDATION_ROWS } from '../model/validation/rows.ts';
import { runValidation, type RowOutcome } from '../model/validation/run.ts';
import type { ValidationRow } from '../model/validation/types.ts';
import { has, noMorePositionals, parseFlags, type Parsed } from './args.ts';
import { SCENARIO_FLAGS } from './scenarioFlags.ts';
import { formatTable } from './table.ts';

/** What a command prints and the exit status it asks for. */
export interface CommandOutput {
  readonly output: string;
  readonly exitCode: number;
}

/** The flags of `validate`, checked without running anything. */
export function validateFlags(argv: readonly string[]): Parsed {
  const p = parseFlags(argv, { json: SCENARIO_FLAGS.json });
  noMorePositionals(p, 'validate');
  return p;
}

/**
 * `validate [--json]`: runs every validation row and compares the model with published results.
 * Exits 1 when a required row fails, 0 otherwise. `rows` is for tests, which inject their own.
 */
export function validateCommand(
  argv: readonly string[],
  rows: readonly ValidationRow[] = VALIDATION_ROWS,
): CommandOutput {
  const p = validateFlags(argv);
  const report = runValidation(rows);
  const exitCode = report.requiredFailed.length > 0 ? 1 : 0;
  if (has(p, 'json')) return { output: JSON.stringify(report, null, 2), exitCode };
  const table = formatTable(
    ['row', 'published', 'model', 'unit', 'deviation', 'tolerance', 'result', 'required'],
    report.rows.map((o) => [
      o.id,
      o.published,
      Number.isFinite(o.model) ? o.model : 'n/a',
      o.unit,
      deviation(o),
      o.tolerance,
      o.pass ? 'pass' : 'FAIL',
      o.required ? 'yes' : 'no',
    ]),
  );
  const failures = report.rows.filter((o) => !o.pass).map((o) => `  ${o.id}: ${o.why}`);
  const summary =
    `${report.passed} of ${report.rows.length} rows pass (${report.runs} runs); ` +
    (report.requiredFailed.length
      ? `required rows failing: ${report.requiredFailed.join(', ')}`
      : 'every required row passes');
  const parts = [table, '', summary];
  if (failures.length) parts.push('', 'why the failing rows fail:', ...failures);
  parts.push('', 'sources and mappings: docs/validation.md');
  return { output: parts.join('\n'), exitCode };
}

function deviation(o: RowOutcome): string {
  if (!Number.isFinite(o.deviationPct)) return 'n/a';
  return `${o.deviationPct > 0 ? '+' : ''}${o.deviationPct.toFixed(1)} %`;
}
