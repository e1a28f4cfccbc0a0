import { useMemo } from 'react';
import { useElementSize } from '../../charts/index.ts';
import { MODE_DESCRIPTORS } from '../../model/modes.ts';
import { useApp, type AppState } from '../../store/index.ts';
import type { Predict, PredictMetric } from '../../tour/format.ts';
import { METRIC_UNITS } from '../../tour/placeholders.ts';
import {
  GUESS_SHAPES,
  describeDifference,
  guessDomain,
  realCurve,
  shapeGuess,
  type GuessShape,
} from '../../tour/predict.ts';
import { setGuess } from './tourController.ts';
import { PredictChart } from './PredictChart.tsx';
import { useTour } from './tourStore.ts';

const selectSweep = (s: AppState) => s.sweep;

/** What each predicted metric is, as the guessing chart's axis says it. */
const PREDICT_LABELS: Record<PredictMetric, string> = {
  'cpu.vm': 'guest CPU per message',
  'cpu.dom0': 'Dom0 CPU per message',
  throughput: 'streaming throughput',
  latency: 'one-way latency',
};

/**
 * Predict, then reveal: the audience commits a guess (drags the points or picks a shape), then the
 * model's curve from the sweep is drawn over it and the difference named. Covers the charts until
 * then, so the answer is not on screen while people guess.
 */
export function PredictPanel({ stepIndex, predict }: { stepIndex: number; predict: Predict }) {
  const sweep = useApp(selectSweep);
  const stored = useTour((s) => s.guesses[stepIndex]);
  const [ref, { width, height }] = useElementSize();
  const domain = useMemo(() => guessDomain(sweep.points, predict.metric), [sweep.points, predict.metric]);
  const real = sweep.stale || sweep.error ? null : realCurve(sweep.points, predict);
  const n = predict.sizesBytes.length;
  const middle = Math.sqrt(domain[0] * domain[1]);
  const values = stored?.values ?? Array.from({ length: n }, () => middle);
  const committed = stored?.committed ?? false;
  const revealed = (stored?.revealed ?? false) && real !== null;
  const style = MODE_DESCRIPTORS[predict.mode];
  const commit = (v: readonly number[]) =>
    setGuess(stepIndex, { values: v, committed: true, revealed: false });
  return (
    <div className="tour-predict" data-testid="predict" data-revealed={revealed} data-committed={committed}>
      <h3>
        Predict, then reveal <span className="predict-mode">· {style.label}</span>
      </h3>
      <p className="predict-question">{predict.question}</p>
      <div ref={ref} className="predict-chart-box">
        {width > 0 && height > 0 && (
          <PredictChart
            width={width}
            height={height}
            sizesBytes={predict.sizesBytes}
            domain={domain}
            unit={METRIC_UNITS[predict.metric]}
            yLabel={`${PREDICT_LABELS[predict.metric]} (${METRIC_UNITS[predict.metric]})`}
            guess={values}
            real={revealed ? real : null}
            realLabel={`model: ${style.label}`}
            realColor={style.style.color}
            locked={revealed}
            onGuess={commit}
          />
        )}
      </div>
      {!revealed && (
        <div className="predict-actions">
          <span className="predict-hint">Drag the points, or pick a shape:</span>
          {(Object.keys(GUESS_SHAPES) as GuessShape[]).map((shape) => (
            <button
              key={shape}
              type="button"
              onClick={() => commit(shapeGuess(shape, domain, n))}
              data-testid={`predict-shape-${shape}`}
            >
              {GUESS_SHAPES[shape]}
            </button>
          ))}
          <button
            type="button"
            className="predict-reveal"
            disabled={!committed || real === null}
            title={
              !committed ? 'Commit a guess first' : real === null ? 'The sweep is still being computed' : ''
            }
            onClick={() => setGuess(stepIndex, { values, committed: true, revealed: true })}
            data-testid="predict-reveal"
          >
            {real === null ? 'Reveal (computing…)' : 'Reveal the model'}
          </button>
        </div>
      )}
      {revealed && real && (
        <div className="predict-verdict" data-testid="predict-verdict">
          {describeDifference(predict, values, real).map((line) => (
            <p key={line}>{line}</p>
          ))}
          <button
            type="button"
            onClick={() => setGuess(stepIndex, { values, committed: true, revealed: false })}
          >
            Guess again
          </button>
        </div>
      )}
    </div>
  );
}
