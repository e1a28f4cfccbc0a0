import { useApp, type AppState } from '../../store/index.ts';

const selectReadout = (s: AppState) => s.readout;
const selectWorkload = (s: AppState) => s.settings.workload;

/** The run's headline numbers, large, with units. */
export function Readouts() {
  const r = useApp(selectReadout);
  const workload = useApp(selectWorkload);
  return (
    <dl className="readouts" data-testid="readouts">
      {workload !== 'pktgen' && (
        <div>
          <dt>{workload === 'pingpong' ? 'one-way latency' : 'issue → completion'}</dt>
          <dd data-testid="readout-latency" data-value={r.latencyUs}>
            {r.latencyUs > 0 ? `${r.latencyUs.toFixed(1)} µs` : '—'}
          </dd>
        </div>
      )}
      <div>
        <dt>average throughput</dt>
        <dd data-testid="readout-throughput">
          {r.throughputMiBps > 0 ? `${r.throughputMiBps.toFixed(0)} MiB/s` : '—'}
        </dd>
      </div>
      <div>
        <dt>{workload === 'pktgen' ? 'packets' : 'messages'} delivered</dt>
        <dd data-testid="readout-delivered">{r.delivered.toLocaleString('en')}</dd>
      </div>
    </dl>
  );
}
