import { resumeTour, toggleTourText } from './tourController.ts';
import { useTour, type TourState } from './tourStore.ts';

const selectStep = (s: TourState) => s.step;
const selectResume = (s: TourState) => s.resumeStep;
const selectStatus = (s: TourState) => s.status;
const selectFolded = (s: TourState) => s.folded;
const selectCount = (s: TourState) => s.scenes.length;

/** The header's way into the tour: "Tour" at first, "Resume tour · step N" after leaving it. */
export function TourButton() {
  const step = useTour(selectStep);
  const resume = useTour(selectResume);
  const status = useTour(selectStatus);
  const folded = useTour(selectFolded);
  const stepCount = useTour(selectCount);
  if (step !== null)
    return folded ? (
      <button
        type="button"
        className="tour-toggle"
        onClick={toggleTourText}
        title="Show the tour's text again (T)"
        aria-label={`Show the text of tour step ${step + 1}`}
        data-testid="tour-unfold"
      >
        {`▴ ${step + 1}/${stepCount}`}
      </button>
    ) : null;
  return (
    <button
      type="button"
      className="tour-toggle"
      onClick={resumeTour}
      disabled={status === 'loading'}
      title="The poster's story, step by step (PageDown / PageUp, Esc to leave)"
      data-testid="tour-start"
    >
      {resume === null ? 'Tour' : `Resume tour · step ${resume + 1}`}
    </button>
  );
}
