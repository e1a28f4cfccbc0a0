import type { RunResult, Scenario } from '../types.ts';

/**
 * A published result the model is checked against: what was measured, where, and how the model is
 * run and read to compare. Rows hold published numbers only; the model's value is always computed
 * by running the scenarios, never written down.
 */
export interface ValidationRow {
  /** Stable id (kebab case), used on the command line and in tests. */
  readonly id: string;
  readonly group: ValidationGroup;
  /** The published result in words. */
  readonly result: string;
  /** The published value, in `unit`. */
  readonly published: number;
  readonly unit: string;
  readonly source: Source;
  /** Decided before the model's value was looked at. */
  readonly tolerance: Tolerance;
  /** A required row that fails makes `validate` exit non-zero. */
  readonly required: boolean;
  /** Named runs the row needs; rows that name the same scenario share one run. */
  readonly runs: Readonly<Record<string, Scenario>>;
  /** How the model's value is read from the runs, in words. */
  readonly reading: string;
  /** The model's value, from the runs' results. */
  readonly read: (results: Readonly<Record<string, RunResult>>) => number;
  /** How the published setup maps onto the model's modes and scenarios. */
  readonly mapping: string;
  /** One line on why the row fails, shown where it fails: one for each side it can miss on. */
  readonly ifFails: string | { readonly above: string; readonly below: string };
}

export type ValidationGroup = 'poster' | 'xen2mx' | 'xen-ib' | 'sr-iov' | 'netback' | 'little';

export interface Source {
  /** Authors, title. */
  readonly work: string;
  /** Venue and year. */
  readonly venue: string;
  /** Figure, table, section or page where the number is stated. */
  readonly where: string;
  /** Where the text was read (a stored copy of the page). */
  readonly url?: string;
}

/**
 * `within`: |model − published| ≤ pct % of published. `atLeast` / `atMost`: a one-sided bound in
 * the row's unit, for claims such as "near the wire" or "nearly native".
 */
export type Tolerance =
  | { readonly kind: 'within'; readonly pct: number }
  | { readonly kind: 'atLeast'; readonly min: number }
  | { readonly kind: 'atMost'; readonly max: number };

export function withinTolerance(t: Tolerance, published: number, model: number): boolean {
  if (!Number.isFinite(model)) return false;
  switch (t.kind) {
    case 'within':
      return Math.abs(model - published) <= (Math.abs(published) * t.pct) / 100;
    case 'atLeast':
      return model >= t.min;
    case 'atMost':
      return model <= t.max;
  }
}

export function describeTolerance(t: Tolerance, unit: string): string {
  switch (t.kind) {
    case 'within':
      return `±${t.pct} %`;
    case 'atLeast':
      return `≥ ${t.min} ${unit}`;
    case 'atMost':
      return `≤ ${t.max} ${unit}`;
  }
}
