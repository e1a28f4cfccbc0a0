import { formatBytes, formatMiBps, trim } from '../lib/format.ts';
import type { ChartPoint } from '../worker/sweeps.ts';
import type { Predict, PredictMetric } from './format.ts';
import { METRIC_UNITS, metricOf } from './placeholders.ts';

/** The model's curve a prediction is compared with, at the prediction's sizes; null until the sweep has them. */
export function realCurve(points: readonly ChartPoint[], p: Predict): number[] | null {
  const values = p.sizesBytes.map((size) => {
    const q = points.find((x) => x.kind === 'rdma' && x.mode === p.mode && x.sizeBytes === size);
    return q ? metricOf(q, p.metric) : NaN;
  });
  return values.every((v) => Number.isFinite(v) && v > 0) ? values : null;
}

/**
 * The guessing chart's y range (log): a decade around every mode's values of the metric in the sweep,
 * so the axis does not give away the one curve asked about.
 */
export function guessDomain(points: readonly ChartPoint[], metric: PredictMetric): [number, number] {
  const values = points
    .filter((x) => x.kind === 'rdma')
    .map((x) => metricOf(x, metric))
    .filter((v) => v > 0);
  if (values.length === 0) return [1, 1000];
  const lo = 10 ** Math.floor(Math.log10(Math.min(...values)) - 0.5);
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)) + 0.5);
  return [lo, hi];
}

/** Shapes the audience can pick instead of placing every point. */
export const GUESS_SHAPES = {
  flat: 'stays flat',
  grows: 'grows with the size',
  levels: 'grows, then levels off',
  falls: 'falls with the size',
} as const;
export type GuessShape = keyof typeof GUESS_SHAPES;

/** A guess of a shape, as values at n sizes within the domain (a quarter to three quarters of it, in log). */
export function shapeGuess(shape: GuessShape, [lo, hi]: [number, number], n: number): number[] {
  const at = (f: number) => 10 ** (Math.log10(lo) + f * (Math.log10(hi) - Math.log10(lo)));
  return Array.from({ length: n }, (_, i) => {
    const t = n === 1 ? 0 : i / (n - 1);
    if (shape === 'flat') return at(0.5);
    if (shape === 'grows') return at(0.2 + 0.6 * t);
    if (shape === 'falls') return at(0.8 - 0.6 * t);
    return at(0.2 + 0.6 * Math.min(1, 2 * t));
  });
}

function fmt(value: number, metric: PredictMetric): string {
  return METRIC_UNITS[metric] === 'MiB/s' ? formatMiBps(value) : `${trim(value)} ${METRIC_UNITS[metric]}`;
}

/** How a curve changes from its first to its last point, in words. */
function trend(first: number, last: number): string {
  const r = last / first;
  if (r < 1.5 && r > 1 / 1.5) return 'stays about flat';
  return r > 1 ? `grows ${trim(r)}×` : `falls ${trim(1 / r)}×`;
}

/** How far one value is from another, as a factor in words. */
function factor(guess: number, real: number): string {
  const r = guess / real;
  return r >= 1 ? `${trim(r)}× too high` : `${trim(1 / r)}× too low`;
}

/** Within this factor a guessed point counts as right. */
export const CLOSE_FACTOR = 2;

/**
 * The difference between a guess and the model's curve, named in words: how each changes across the
 * sizes, where they are furthest apart, and at how many sizes the guess was within a factor of two.
 */
export function describeDifference(p: Predict, guess: readonly number[], real: readonly number[]): string[] {
  const n = p.sizesBytes.length;
  const first = formatBytes(p.sizesBytes[0]);
  const last = formatBytes(p.sizesBytes[n - 1]);
  const lines = [
    `From ${first} to ${last} the model ${trend(real[0], real[n - 1])} (${fmt(real[0], p.metric)} → ${fmt(real[n - 1], p.metric)}); your guess ${trend(guess[0], guess[n - 1])}.`,
  ];
  const gaps = real.map((r, i) => Math.abs(Math.log(guess[i] / r)));
  const worst = gaps.indexOf(Math.max(...gaps));
  const close = gaps.filter((g) => g <= Math.log(CLOSE_FACTOR)).length;
  if (close === n) lines.push(`Every point within ${CLOSE_FACTOR}× of the model: well predicted.`);
  else
    lines.push(
      `Within ${CLOSE_FACTOR}× at ${close} of ${n} sizes; furthest at ${formatBytes(p.sizesBytes[worst])}: you said ${fmt(guess[worst], p.metric)}, the model ${fmt(real[worst], p.metric)} (${factor(guess[worst], real[worst])}).`,
    );
  return lines;
}
