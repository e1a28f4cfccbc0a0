import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { formatClockNs } from '../../lib/format.ts';
import { useFrameLoop } from '../frameContext.ts';
import { describePause } from './applyScene.ts';
import { PredictPanel } from './PredictPanel.tsx';
import {
  dismissTourErrors,
  goToStep,
  initTour,
  leaveTour,
  toggleTourText,
  nextStep,
  previousStep,
} from './tourController.ts';
import { TourHighlights } from './TourHighlights.tsx';
import { TourText } from './TourText.tsx';
import { tourStore, useTour, type TourState } from './tourStore.ts';
import './tour.css';

const selectStep = (s: TourState) => s.step;
const selectTour = (s: TourState) => s.tour;
const selectScenes = (s: TourState) => s.scenes;
const selectErrors = (s: TourState) => s.errors;
const selectPaused = (s: TourState) => s.pausedAtNs;
const selectNotes = (s: TourState) => s.sceneNotes;
const selectFolded = (s: TourState) => s.folded;

/**
 * The tour's card: a strip under the diagram and the charts (it covers neither), with the step's
 * title, its text to read aloud and the way to the next step. At a prediction, the guessing panel
 * lies over the charts until the reveal.
 */
export function TourCard() {
  const loop = useFrameLoop();
  useEffect(() => initTour(loop), [loop]);
  const step = useTour(selectStep);
  const tour = useTour(selectTour);
  const scenes = useTour(selectScenes);
  const errors = useTour(selectErrors);
  const pausedAtNs = useTour(selectPaused);
  const notes = useTour(selectNotes);
  const folded = useTour(selectFolded);
  // Highlights the diagram lacks, for the step they were measured at.
  const [missingAt, setMissingAt] = useState<{ step: number | null; names: string[] }>({
    step: null,
    names: [],
  });
  const onMissing = useCallback(
    (names: string[]) =>
      setMissingAt((prev) =>
        prev.step === tourStore.getState().step && prev.names.join() === names.join()
          ? prev
          : { step: tourStore.getState().step, names },
      ),
    [],
  );
  const missing = missingAt.step === step ? missingAt.names : [];

  const errorList = errors.length > 0 && (
    <div className="tour-errors" role="alert" data-testid="tour-errors">
      <strong>The tour has problems:</strong>
      <ul>
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
      <button type="button" onClick={dismissTourErrors}>
        Dismiss
      </button>
    </div>
  );
  // Folded (T): the header's "Step N · text" button stands for the card, the view has the height.
  if (step === null || !tour || folded) return errorList || null;

  const s = tour.steps[step];
  const scene = scenes[step];
  const n = tour.steps.length;
  return (
    <section
      className="tour-card"
      aria-label={`Guided tour: ${tour.title}`}
      data-testid="tour-card"
      data-step={step + 1}
      data-paused-ns={pausedAtNs ?? ''}
    >
      <div className="tour-side">
        <div className="tour-count" aria-live="polite">
          Step {step + 1} / {n}
        </div>
        <div className="tour-nav">
          <button
            type="button"
            onClick={previousStep}
            disabled={step === 0}
            title="Back (PageUp, ←)"
            data-testid="tour-back"
          >
            ◂ Back
          </button>
          <button
            type="button"
            className="tour-next"
            onClick={nextStep}
            disabled={step === n - 1}
            title="Next (PageDown, →)"
            data-testid="tour-next"
          >
            Next ▸
          </button>
        </div>
        <div className="tour-nav">
          <button
            type="button"
            onClick={() => goToStep(step)}
            title="Set this step's scene again"
            data-testid="tour-replay"
          >
            ↺ Again
          </button>
          <button
            type="button"
            onClick={toggleTourText}
            title="Fold the text away, so the diagram or the charts get the whole height (T)"
            data-testid="tour-fold"
          >
            ▾ Fold
          </button>
          <button
            type="button"
            onClick={leaveTour}
            title="Leave the tour and explore (Esc); come back from the header"
            data-testid="tour-leave"
          >
            ✕ Leave
          </button>
        </div>
      </div>
      <div className="tour-body">
        <h2 className="tour-title">{s.title}</h2>
        <TourText text={s.text} />
        {(scene.pauseAt || notes.length > 0 || missing.length > 0) && (
          <p className="tour-note">
            {scene.pauseAt && pausedAtNs !== null && (
              <span data-testid="tour-paused">
                Paused at t = {formatClockNs(pausedAtNs)}: {describePause(scene.pauseAt)}.{' '}
              </span>
            )}
            {notes.map((note) => (
              <span key={note} className="tour-problem">
                {note}.{' '}
              </span>
            ))}
            {missing.map((m) => (
              <span key={m} className="tour-problem">
                highlight "{m}" is not on this diagram.{' '}
              </span>
            ))}
          </p>
        )}
        {errorList}
      </div>
      <TourHighlights key={step} highlight={scene.highlight} onMissing={onMissing} />
      {s.predict && <PredictOverlay stepIndex={step} />}
    </section>
  );
}

/** The guessing panel, laid over the charts region. */
function PredictOverlay({ stepIndex }: { stepIndex: number }) {
  const tour = useTour(selectTour);
  // Mounted only at a prediction, long after the app's regions are on the page.
  const [host] = useState(() => document.querySelector<HTMLElement>('[data-region="charts"]'));
  const predict = tour?.steps[stepIndex].predict;
  if (!host || !predict) return null;
  return createPortal(<PredictPanel key={stepIndex} stepIndex={stepIndex} predict={predict} />, host);
}
