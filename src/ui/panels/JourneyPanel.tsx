import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useElementSize } from '../../charts/index.ts';
import { Waterfall } from '../diagram/index.ts';
import { spanExtentUs } from '../diagram/journey/journeyAnalysis.ts';
import { MODE_DESCRIPTORS } from '../../model/modes.ts';
import type { Mode } from '../../model/types.ts';
import { actions, useApp, type AppState } from '../../store/index.ts';
import { NumberField } from '../controls/NumberField.tsx';
import type { FrameLoop } from '../../frame/frameLoop.ts';
import { useFrameLoop } from '../frameContext.ts';
import { THEME } from '../diagram/theme.ts';
import { journeyProgress } from './journeyProgress.ts';
import { JourneyOfA, openJourney, useJourneyRun } from '../ab/abJourney.tsx';

const selectSelected = (s: AppState) => s.selectedMessage;
const selectDelivered = (s: AppState) => s.readout.delivered;
const selectNow = (s: AppState) => s.readout.nowNs;

type LiveRun = FrameLoop['live'];
type JourneyView = ReturnType<LiveRun['journey']>;

/** Events a comparison runs per slice, between two turns of the page's event loop. */
const PROBE_SLICE_EVENTS = 20_000;

/** The mode a journey is compared with: the framework, or TCP when the framework is on screen. */
function comparedMode(mode: Mode): Mode {
  return mode === 'zero-copy' ? 'pv-tcp' : 'zero-copy';
}

/**
 * A message's journey as a waterfall: the one clicked on the diagram, or else the last one
 * delivered. Where do the 77 µs of pv-tcp go, against the 28 µs of zero-copy? "compare" runs the
 * same message of the other mode in its own run, and shows both journeys side by side on one scale.
 */
export function JourneyPanel() {
  const loop = useFrameLoop();
  const selected = useApp(selectSelected);
  const delivered = useApp(selectDelivered);
  const nowNs = useApp(selectNow);
  // B's run, or A's after a click on a token of A's diagram (src/ui/ab/abJourney.tsx).
  const { live, ofA } = useJourneyRun(loop, selected);
  const [ref, { width }] = useElementSize();
  const [comparing, setComparing] = useState(false);
  const closeComparison = useCallback(() => setComparing(false), []);
  const lastIssued = live.messagesIssued - 1;
  const id = selected ?? live.lastDeliveredMessage();
  // Recomputed when the clock or the deliveries move (a few times a second at most).
  const journey = useMemo(() => (id >= 0 ? live.journey(id) : null), [id, live, delivered, nowNs]); // eslint-disable-line react-hooks/exhaustive-deps
  const spans = journey?.spans ?? [];
  const { mode, op, workload } = live.scenario;
  const other = comparedMode(mode);
  const canCompare = workload !== 'pktgen' || MODE_DESCRIPTORS[other].pktgen;
  const compareButton = canCompare && (
    <button
      type="button"
      data-testid="journey-compare"
      aria-pressed={comparing}
      onClick={() => setComparing(!comparing)}
      title={`Run message #${id} of ${MODE_DESCRIPTORS[other].label} in the background and show both journeys side by side, on one time scale`}
    >
      compare with {MODE_DESCRIPTORS[other].label}
    </button>
  );
  return (
    <div ref={ref} className="journey" data-testid="journey" data-message={id} data-run={ofA ? 'A' : 'B'}>
      <div className="journey-head">
        <h2>{id >= 0 ? `Journey of message #${id}` : 'Journey of a message'}</h2>
        {ofA && <JourneyOfA id={id} />}
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
            onCommit={(v) => openJourney(v, ofA)}
          />
          {selected !== null && (
            <button type="button" onClick={() => actions.selectMessage(null)}>
              follow the latest
            </button>
          )}
        </div>
      </div>
      {spans.length > 0 && journey ? (
        <Waterfall
          spans={spans}
          compact={width < 760}
          progress={journeyProgress(journey)}
          op={op}
          actions={compareButton}
        />
      ) : (
        <p className="hint">Play or step the simulation; click a moving token to follow its message.</p>
      )}
      {comparing && journey && spans.length > 0 && (
        <Comparison live={live} journey={journey} other={other} onClose={closeComparison} />
      )}
    </div>
  );
}

/** Runs message `id` of `mode` in its own LiveRun, a slice per turn of the event loop; null until it is done. */
function useProbe(live: LiveRun, mode: Mode, id: number): JourneyView | null {
  const [done, setDone] = useState<{ key: string; view: JourneyView } | null>(null);
  const key = `${mode}#${id}`;
  useEffect(() => {
    const probe = live.probe({ mode }, id);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      if (probe.advance(PROBE_SLICE_EVENTS)) setDone({ key, view: probe.journey! });
      else timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [live, mode, id, key]);
  return done && done.key === key ? done.view : null;
}

/**
 * Two journeys of the same message side by side, laid over the page so each has half its width:
 * the one on screen and the other mode's, on one time scale, each with its totals.
 */
function Comparison({
  live,
  journey,
  other,
  onClose,
}: {
  live: LiveRun;
  journey: JourneyView;
  other: Mode;
  onClose: () => void;
}) {
  const theirs = useProbe(live, other, journey.id);
  const { mode, op, sizeBytes } = live.scenario;
  const closeRef = useRef<HTMLButtonElement>(null);
  // A dialog over the page: focus on its close button, Esc closes it (before any page shortcut sees
  // the key, so a tour on screen stays), and the focus goes back where it was.
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      onClose();
    };
    addEventListener('keydown', onKey, { capture: true });
    return () => {
      removeEventListener('keydown', onKey, { capture: true });
      before?.focus();
    };
  }, [onClose]);
  const scaleUs = Math.max(spanExtentUs(journey.spans), theirs ? spanExtentUs(theirs.spans) : 0);
  const column = (view: JourneyView, m: Mode, testId: string) => (
    <Waterfall
      spans={view.spans}
      title={`${MODE_DESCRIPTORS[m].label} · #${view.id}`}
      progress={journeyProgress(view)}
      op={op}
      scaleUs={scaleUs}
      testId={testId}
    />
  );
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="two journeys compared"
      data-testid="journey-comparison"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 40,
        background: THEME.panel,
        color: THEME.ink,
        padding: '8px 12px',
        display: 'grid',
        gridTemplateRows: 'auto minmax(0, 1fr)',
        gap: 6,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
        <h2 style={{ margin: 0 }}>
          Message #{journey.id}, {sizeBytes} B {op.toUpperCase()}: {MODE_DESCRIPTORS[mode].label} against{' '}
          {MODE_DESCRIPTORS[other].label}, on one time scale
        </h2>
        <button type="button" ref={closeRef} data-testid="journey-compare-close" onClick={onClose}>
          ✕ close
        </button>
      </div>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
          gap: 20,
          minHeight: 0,
        }}
      >
        {column(journey, mode, 'journey-this')}
        {theirs ? (
          column(theirs, other, 'journey-other')
        ) : (
          <p className="hint" data-testid="journey-other-pending">
            Running {MODE_DESCRIPTORS[other].label} to message #{journey.id}…
          </p>
        )}
      </div>
    </div>
  );
}
