import { useMemo } from 'react';
import { useElementSize } from '../../charts/index.ts';
import { Waterfall } from '../diagram/index.ts';
import { actions, useApp, type AppState } from '../../store/index.ts';
import { NumberField } from '../controls/NumberField.tsx';
import { useFrameLoop } from '../frameContext.ts';
import { journeyProgress } from './journeyProgress.ts';

const selectSelected = (s: AppState) => s.selectedMessage;
const selectDelivered = (s: AppState) => s.readout.delivered;
const selectNow = (s: AppState) => s.readout.nowNs;

/**
 * A message's journey as a waterfall: the one clicked on the diagram, or else the last one
 * delivered. Where do the 77 µs of pv-tcp go, against the 28 µs of zero-copy?
 */
export function JourneyPanel() {
  const loop = useFrameLoop();
  const selected = useApp(selectSelected);
  const delivered = useApp(selectDelivered);
  const nowNs = useApp(selectNow);
  const live = loop.live;
  const [ref, { width }] = useElementSize();
  const lastIssued = live.messagesIssued - 1;
  const id = selected ?? live.lastDeliveredMessage();
  // Recomputed when the clock or the deliveries move (a few times a second at most).
  const journey = useMemo(() => (id >= 0 ? live.journey(id) : null), [id, live, delivered, nowNs]); // eslint-disable-line react-hooks/exhaustive-deps
  const spans = journey?.spans ?? [];
  return (
    <div ref={ref} className="journey" data-testid="journey" data-message={id}>
      <div className="journey-head">
        <h2>{id >= 0 ? `Journey of message #${id}` : 'Journey of a message'}</h2>
        <div className="journey-pick">
          <NumberField
            label="message #"
            unit=""
            testId="journey-id"
            value={Math.max(0, id)}
            validate={(v) =>
              Number.isInteger(v) && v >= 0 && v <= Math.max(0, lastIssued)
                ? null
                : `a message number from 0 to ${Math.max(0, lastIssued)}`
            }
            onCommit={(v) => actions.selectMessage(v)}
          />
          {selected !== null && (
            <button type="button" onClick={() => actions.selectMessage(null)}>
              follow the latest
            </button>
          )}
        </div>
      </div>
      {spans.length > 0 ? (
        <Waterfall spans={spans} compact={width < 760} progress={journeyProgress(journey!)} />
      ) : (
        <p className="hint">Play or step the simulation; click a moving token to follow its message.</p>
      )}
    </div>
  );
}
