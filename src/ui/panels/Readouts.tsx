import { useApp, type AppState } from '../../store/index.ts';

const selectReadout = (s: AppState) => s.readout;
const selectWorkload = (s: AppState) => s.settings.workload;
const selectOp = (s: AppState) => s.settings.op;

/** The run's headline numbers, large, with units. */
export function Readouts() {
  const r = useApp(selectReadout);
  const workload = useApp(selectWorkload);
  const op = useApp(selectOp);
  // A READ's data come back to its issuer: its latency is request to data, not one way.
  const latencyLabel =
    workload === 'stream' ? 'issue → completion' : op === 'read' ? 'READ: request → data' : 'one-way latency';
  return (
    <dl className="readouts" data-testid="readouts">
      {workload !== 'pktgen' && (
        <div>
          <dt>{latencyLabel}</dt>
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
