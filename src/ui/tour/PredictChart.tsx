import { scaleLog } from 'd3-scale';
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { formatBytes, trim } from '../../lib/format.ts';

export interface PredictChartProps {
  readonly width: number;
  readonly height: number;
  readonly sizesBytes: readonly number[];
  /** The y axis (log), in the metric's unit. */
  readonly domain: [number, number];
  readonly unit: string;
  /** What the y axis is, with its unit. */
  readonly yLabel: string;
  readonly guess: readonly number[];
  /** The model's curve, drawn once revealed. */
  readonly real: readonly number[] | null;
  readonly realLabel: string;
  readonly realColor: string;
  /** Guessing is over: the points no longer move. */
  readonly locked: boolean;
  readonly onGuess: (values: number[]) => void;
}

const M = { left: 84, right: 16, top: 44, bottom: 44 };

/** Tick labels stay short (the unit is in the axis title), so they fit the margin at presenter size. */
function tickLabel(v: number): string {
  if (v >= 1e6) return `${trim(v / 1e6)}M`;
  if (v >= 1e3) return `${trim(v / 1e3)}k`;
  return trim(v);
}
/** One keyboard press moves a point by an eighth of a decade. */
const KEY_STEP = 10 ** (1 / 8);

/**
 * The guessing chart: a point per message size, dragged up or down (or moved with ↑ ↓) on a log
 * axis; once revealed, the model's curve drawn over the guess.
 */
export function PredictChart(p: PredictChartProps) {
  const svg = useRef<SVGSVGElement>(null);
  const dragging = useRef<number | null>(null);
  const n = p.sizesBytes.length;
  const plotW = Math.max(10, p.width - M.left - M.right);
  const x = (i: number) => M.left + ((i + 0.5) * plotW) / n;
  const y = scaleLog()
    .domain(p.domain)
    .range([p.height - M.bottom, M.top])
    .clamp(true);
  const decades: number[] = [];
  for (let e = Math.ceil(Math.log10(p.domain[0])); 10 ** e <= p.domain[1] * 1.0001; e++)
    decades.push(10 ** e);
  const line = (values: readonly number[]) => values.map((v, i) => `${x(i)},${y(v)}`).join(' ');

  const setAt = (i: number, value: number) => {
    const [lo, hi] = p.domain;
    const next = [...p.guess];
    next[i] = Math.min(hi, Math.max(lo, value));
    p.onGuess(next);
  };
  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    if (dragging.current === null || !svg.current) return;
    const top = svg.current.getBoundingClientRect().top;
    setAt(dragging.current, y.invert(e.clientY - top));
  };
  const onKey = (i: number) => (e: KeyboardEvent<SVGCircleElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    e.stopPropagation();
    setAt(i, p.guess[i] * (e.key === 'ArrowUp' ? KEY_STEP : 1 / KEY_STEP));
  };

  return (
    <svg
      ref={svg}
      className="predict-chart"
      width={p.width}
      height={p.height}
      onPointerMove={onMove}
      onPointerUp={() => (dragging.current = null)}
      onPointerLeave={() => (dragging.current = null)}
      data-testid="predict-chart"
    >
      {decades.map((d) => (
        <g key={d}>
          <line x1={M.left} x2={M.left + plotW} y1={y(d)} y2={y(d)} className="predict-grid" />
          <text x={M.left - 8} y={y(d)} textAnchor="end" dominantBaseline="central" className="predict-tick">
            {tickLabel(d)}
          </text>
        </g>
      ))}
      {p.sizesBytes.map((s, i) => (
        <text key={s} x={x(i)} y={p.height - M.bottom + 24} textAnchor="middle" className="predict-tick">
          {formatBytes(s)}
        </text>
      ))}
      {p.real && (
        <g data-testid="predict-real">
          <polyline points={line(p.real)} fill="none" stroke={p.realColor} strokeWidth={4} />
          {p.real.map((v, i) => (
            <circle key={i} cx={x(i)} cy={y(v)} r={6} fill={p.realColor} />
          ))}
          <text
            x={x(n - 1)}
            y={y(p.real[n - 1]) - 14}
            textAnchor="end"
            className="predict-label"
            fill={p.realColor}
          >
            {p.realLabel}
          </text>
        </g>
      )}
      <polyline points={line(p.guess)} fill="none" stroke="#f4f7fb" strokeWidth={2.5} strokeDasharray="8 6" />
      {p.guess.map((v, i) => (
        <circle
          key={i}
          cx={x(i)}
          cy={y(v)}
          r={p.locked ? 7 : 11}
          className={p.locked ? 'predict-point locked' : 'predict-point'}
          tabIndex={p.locked ? -1 : 0}
          role="slider"
          aria-label={`your guess at ${formatBytes(p.sizesBytes[i])}`}
          aria-valuenow={Number(trim(v))}
          aria-valuetext={`${trim(v)} ${p.unit}`}
          data-testid={`predict-point-${i}`}
          data-value={v}
          onPointerDown={(e) => {
            if (p.locked) return;
            dragging.current = i;
            svg.current?.setPointerCapture(e.pointerId);
          }}
          onKeyDown={p.locked ? undefined : onKey(i)}
        />
      ))}
      <text x={4} y={M.top / 2} dominantBaseline="central" className="predict-label">
        {p.yLabel}
      </text>
      <text
        x={M.left + plotW}
        y={M.top / 2}
        textAnchor="end"
        dominantBaseline="central"
        className="predict-label"
      >
        - - your guess
      </text>
    </svg>
  );
}
