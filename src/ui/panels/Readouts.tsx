import { formatCount } from '../../lib/format.ts';
import { useApp, type AppState } from '../../store/index.ts';
import { LiveAnnouncer } from '../a11y/LiveAnnouncer.tsx';

const selectReadout = (s: AppState) => s.readout;

const NOTES = { display: 'flex', gap: '0.5rem', alignItems: 'baseline', fontWeight: 400 } as const;

const formatUs = (us: number) => `${us.toFixed(1)} µs`;

/**
 * The run's headline numbers, large, with units, each saying what it is: the latency's mean over
 * the measured window (warm messages once the warm-up is over), the last message and the cold first
 * one where it differs; the throughput from the bytes that have arrived, so a large message counts
 * while it is still on its way.
 */
export function Readouts() {
  const r = useApp(selectReadout);
  const lat = r.latency;
  const latencyUs = lat && lat.meanUs > 0 ? lat.meanUs : 0;
  // Spoken a few seconds apart at most, and only when a number moved: the same numbers as drawn.
  const spoken = [
    lat && latencyUs > 0 ? `${lat.what} ${formatUs(latencyUs)} ${lat.meanLabel}` : null,
    r.throughput.miBps > 0 ? `throughput ${r.throughput.miBps.toFixed(0)} MiB/s` : null,
    `${r.deliveredLabel} ${formatCount(r.delivered)}`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <dl className="readouts" data-testid="readouts">
        {lat && (
          <div>
            <dt>
              {lat.what} <span className="readout-note">{lat.meanLabel}</span>
            </dt>
            <dd data-testid="readout-latency" data-value={lat.meanUs}>
              {lat.meanUs > 0 ? formatUs(lat.meanUs) : '—'}
            </dd>
            {(lat.lastUs > 0 || lat.coldUs !== null) && (
              // A second value of the same term (a list may hold only dt and dd): small, not the headline.
              <dd style={NOTES}>
                {lat.lastUs > 0 && (
                  <span className="readout-note" data-testid="readout-latency-last" data-value={lat.lastUs}>
                    last message {formatUs(lat.lastUs)}
                  </span>
                )}
                {lat.coldUs !== null && (
                  <span className="readout-note" data-testid="readout-latency-cold" data-value={lat.coldUs}>
                    first (cold) {formatUs(lat.coldUs)}
                  </span>
                )}
              </dd>
            )}
          </div>
        )}
        <div>
          <dt>
            throughput <span className="readout-note">{r.throughput.label}</span>
          </dt>
          <dd data-testid="readout-throughput" data-value={r.throughput.miBps}>
            {r.throughput.miBps > 0 ? `${r.throughput.miBps.toFixed(0)} MiB/s` : '—'}
          </dd>
        </div>
        <div>
          <dt>{r.deliveredLabel}</dt>
          <dd data-testid="readout-delivered">{formatCount(r.delivered)}</dd>
        </div>
      </dl>
      <LiveAnnouncer
        text={spoken}
        values={[latencyUs, r.throughput.miBps, r.delivered]}
        testId="readouts-live"
      />
    </>
  );
}
