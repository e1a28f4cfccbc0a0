import { formatClockNs, formatCount } from '../lib/format.ts';
import { useApp } from '../store/index.ts';
import { useFrameLoop } from './frameContext.ts';

const selectReplay = (s: { replay: { done: number; total: number; unit: 'events' | 'ns' } | null }) =>
  s.replay;

/**
 * Going back further than the recording keeps replays the run from its seed, a slice per frame:
 * this says how far it is, and lets it be cancelled (the page stays where it was).
 */
export function ReplayProgress() {
  const loop = useFrameLoop();
  const replay = useApp(selectReplay);
  if (!replay) return null;
  const fraction = replay.total > 0 ? replay.done / replay.total : 1;
  const what =
    replay.unit === 'events'
      ? `to event ${formatCount(replay.total)}`
      : `to t = ${formatClockNs(replay.total)}`;
  return (
    <div className="replay-progress" role="status" data-testid="replay-progress">
      <span>
        Replaying from the start {what}, older than the recording keeps: {Math.floor(fraction * 100)} %
      </span>
      <progress max={1} value={fraction} aria-label="Replay progress" />
      <button type="button" data-testid="replay-cancel" onClick={() => loop.cancelReplay()}>
        Cancel
      </button>
    </div>
  );
}
