import { useMemo } from 'react';
import { formatClockNs, trim } from '../../lib/format.ts';
import { actions, useApp, type AppState } from '../../store/index.ts';
import { scenarioText } from '../export/caption.ts';
import { formatChange, metricRows, settingsDiff, type MetricRow } from './abSummary.ts';
import './ab.css';

const selectAb = (s: AppState) => s.ab;
const selectSettings = (s: AppState) => s.settings;

const show = (v: number | null) => (v === null ? '—' : trim(v));

/** Better, worse or the same, for the colour of a change (lower is better for latency and CPU). */
function verdict(r: MetricRow): 'better' | 'worse' | 'same' {
  if (r.change === null || Math.abs(r.change) < 0.0005) return 'same';
  return r.change < 0 === r.lowerIsBetter ? 'better' : 'worse';
}

/**
 * A/B: pin the scenario on screen as A, change anything to make B. Both run live on one clock (A's
 * diagram beside B's unless "Side by side" is off; A runs to B's simulated time), the sweep charts draw A's curves
 * dashed over B's, and this panel says what changed and what it did, with B's change against A.
 */
export function AbPanel() {
  const ab = useApp(selectAb);
  const settings = useApp(selectSettings);
  const changed = useMemo(() => (ab.pinned ? settingsDiff(ab.pinned, settings) : []), [ab.pinned, settings]);
  const rows = useMemo(() => (ab.a && ab.b ? metricRows(ab.a, ab.b) : []), [ab.a, ab.b]);
  if (!ab.pinned) {
    return (
      <div className="ab-panel" data-testid="ab-panel" data-pinned="false">
        <p className="ab-intro">
          Pin the scenario on screen as <b>A</b>, then change anything (the path, the size, VMs, a constant)
          to make <b>B</b>. Both run on one clock with the same seed, their diagrams side by side (A left, B
          right); the throughput and latency charts draw A&apos;s curves dashed over B&apos;s.
        </p>
        <button type="button" className="ab-pin" data-testid="ab-pin" onClick={() => actions.pinA()}>
          Pin as A
        </button>
      </div>
    );
  }
  const aNow = ab.a?.readout.nowNs ?? 0;
  const bNow = ab.b?.readout.nowNs ?? 0;
  return (
    <div className="ab-panel" data-testid="ab-panel" data-pinned="true">
      <div className="ab-head">
        <dl className="ab-sides">
          <dt>A</dt>
          <dd data-testid="ab-a">{scenarioText(ab.pinned)}</dd>
          <dt>B</dt>
          <dd data-testid="ab-b">{scenarioText(settings)}</dd>
        </dl>
        <div className="ab-actions">
          <label className="ab-toggle">
            <input
              type="checkbox"
              data-testid="ab-side-by-side"
              checked={ab.sideBySide}
              onChange={(e) => actions.setSideBySide(e.target.checked)}
            />
            Side by side
          </label>
          <button type="button" data-testid="ab-swap" onClick={() => actions.swapAB()}>
            Swap A ⇄ B
          </button>
          <button type="button" data-testid="ab-unpin" onClick={() => actions.unpinA()}>
            Unpin A
          </button>
        </div>
      </div>
      <div className="ab-tables">
        <table className="ab-table" data-testid="ab-changes">
          <caption>What changed</caption>
          <thead>
            <tr>
              <th scope="col">setting</th>
              <th scope="col">A</th>
              <th scope="col">B</th>
            </tr>
          </thead>
          <tbody>
            {changed.length === 0 ? (
              <tr>
                <td colSpan={3}>nothing yet: change a setting to make B</td>
              </tr>
            ) : (
              changed.map((c) => (
                <tr key={c.what}>
                  <th scope="row">{c.what}</th>
                  <td>{c.a}</td>
                  <td>{c.b}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
        <table className="ab-table" data-testid="ab-results" data-rows={rows.length}>
          <caption>
            What it did, at t = {formatClockNs(bNow)}
            {aNow < bNow && <span className="ab-lag"> (A catching up: {formatClockNs(aNow)})</span>}
          </caption>
          <thead>
            <tr>
              <th scope="col">measure</th>
              <th scope="col">A</th>
              <th scope="col">B</th>
              <th scope="col">B vs A</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={4}>press play: both runs start together</td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.key} data-metric={r.key}>
                  <th scope="row" className={r.label.startsWith('  ') ? 'ab-sub' : undefined}>
                    {r.label.trim()}
                    {r.unit && <span className="ab-unit"> ({r.unit})</span>}
                  </th>
                  <td>{show(r.a)}</td>
                  <td>{show(r.b)}</td>
                  <td className={`ab-change ab-${verdict(r)}`} data-change={r.change ?? ''}>
                    {formatChange(r.change)}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
