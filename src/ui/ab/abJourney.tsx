/**
 * Journeys of A's messages. A click on a token of A's diagram opens that message's journey in A's
 * run (its own spans, its own arrival, at the shared clock): the journey panel reads A's live run
 * instead of B's while `ab.journeyOfA` is set, names the run it shows and offers B's journey of the
 * same message number. Any other choice of a message (B's token, the timeline) is B's again.
 */
import type { FrameLoop } from '../../frame/frameLoop.ts';
import { actions, useApp, type AppState } from '../../store/index.ts';

type LiveRun = FrameLoop['live'];

const selectJourneyOfA = (s: AppState) => s.ab.journeyOfA && s.ab.pinned !== null;

/**
 * The live run whose journey the panel shows: A's while a token of A's was picked (and A still
 * runs), else B's, the page's own.
 */
export function useJourneyRun(loop: FrameLoop, selected: number | null): { live: LiveRun; ofA: boolean } {
  const wantA = useApp(selectJourneyOfA);
  const a = loop.ab.live;
  return wantA && selected !== null && a ? { live: a, ofA: true } : { live: loop.live, ofA: false };
}

/** Says that the journey is A's, and opens B's journey of the same message number. */
export function JourneyOfA({ id }: { id: number }) {
  return (
    <span className="journey-of-a" data-testid="journey-of-a">
      in A’s run (pinned){' '}
      <button type="button" data-testid="journey-show-b" onClick={() => actions.selectMessage(id)}>
        show B’s #{id}
      </button>
    </span>
  );
}

/** Opens the journey of message `id`, in A's run when `ofA`. */
export function openJourney(id: number, ofA: boolean): void {
  if (ofA) actions.openJourneyOfA(id);
  else actions.selectMessage(id);
}
