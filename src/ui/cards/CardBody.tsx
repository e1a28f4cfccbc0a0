// What a card says: the box's part in Xen, the constants it charges, and what this run spent there.
import { DOMAINS, HW_STAGES, type DomainKind } from '../../model/categories.ts';
import { MODE_DESCRIPTORS } from '../../model/modes.ts';
import { PARAM_BY_NAME, type ParamName } from '../../model/params.ts';
import { formatDurationNs } from '../../lib/format.ts';
import { useApp, type AppState } from '../../store/index.ts';
import { paramValue } from '../../store/settings.ts';
import { useFrameLoop } from '../frameContext.ts';
import { spentAtStation, spentOnVcpu, stationCategories, stationHwStages, type SpentRow } from './spent.ts';
import type { CardTarget } from './target.ts';
import { PART_TOPICS, STATION_TOPICS, VCPU_TOPIC, type Topic } from './topics.ts';

const selectParams = (s: AppState) => s.settings.params;
const selectMode = (s: AppState) => s.settings.mode;
// The frame loop publishes the readout a few times a second: the card re-reads the run's accounting then.
const selectNowNs = (s: AppState) => s.readout.nowNs;
/** Events at the cursor: a step may move them without moving the clock (two events at one instant). */
const selectEvents = (s: AppState) => s.readout.events;
const selectBusy = (s: AppState) => s.components?.cpuBusy;

/** CPU time, adaptive units; nothing yet reads "0 µs" (as the charts' unit), not "0 ns". */
const formatCpu = (ns: number) => (ns === 0 ? '0 µs' : formatDurationNs(ns));

const PLACE_NAMES: Record<string, string> = { xen: 'Xen hypervisor', nic: 'NIC', net: 'network' };

/** "guest VM" for `vm` or `vm3`, "driver domain (Dom0)" for `dom0`, "Xen hypervisor" for `xen`. */
export function placeName(place: string | null): string | null {
  if (place === null) return null;
  const kind = /^vm\d+$/.test(place) ? 'vm' : place;
  return kind in DOMAINS ? DOMAINS[kind as DomainKind] : (PLACE_NAMES[kind] ?? place);
}

function topicOf(t: CardTarget): Topic {
  return t.kind === 'station'
    ? STATION_TOPICS[t.station]
    : t.kind === 'part'
      ? PART_TOPICS[t.part]
      : VCPU_TOPIC;
}

export function CardBody({ target }: { target: CardTarget }) {
  const topic = topicOf(target);
  const where = [target.host === null ? null : `Host ${target.host}`, placeName(target.place)]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      {where && (
        <p className="card-where">
          {where}
          {!target.used && <span className="card-unused"> · not on this mode's path</span>}
        </p>
      )}
      <p className="card-text" data-testid="card-text">
        {topic.text}
      </p>
      {topic.params.length > 0 && <Constants names={topic.params} />}
      <Spent target={target} />
    </>
  );
}

/** The constants the box charges, as the run uses them now (a changed one says what it was). */
function Constants({ names }: { names: readonly ParamName[] }) {
  const params = useApp(selectParams);
  return (
    <section className="card-section" aria-label="Costs it charges">
      <h3>Costs it charges</h3>
      <ul className="card-params">
        {names.map((name) => {
          const spec = PARAM_BY_NAME.get(name)!;
          const value = paramValue(params, name);
          const changed = value !== spec.default;
          return (
            <li key={name} data-testid={`card-param-${name}`} data-value={value} data-changed={changed}>
              <div className="card-param-head">
                <code>{name}</code>
                <strong className="card-param-value">{formatValue(value, spec.unit)}</strong>
                {changed && (
                  <span className="card-param-default">default {formatValue(spec.default, spec.unit)}</span>
                )}
              </div>
              <p className="card-param-doc">{spec.description}</p>
              <p className="card-param-source">Source: {spec.source}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function formatValue(value: number, unit: string): string {
  if (unit === 'on/off') return value ? 'on' : 'off';
  return `${value.toLocaleString('en')} ${unit}`;
}

/** What the live run has charged here so far. */
function Spent({ target }: { target: CardTarget }) {
  const loop = useFrameLoop();
  const mode = useApp(selectMode);
  const nowNs = useApp(selectNowNs);
  const busy = useApp(selectBusy);
  useApp(selectEvents); // read again at every event the cursor moves to
  // At the cursor: behind the head after a step back, what had been spent by then.
  const rows: readonly SpentRow[] = loop.live.cpuSpent();
  const over =
    nowNs > 0
      ? `CPU time, all hosts, in the first ${formatDurationNs(nowNs)} of this run`
      : 'CPU time, all hosts: the run has not started yet';
  if (target.kind === 'part') return null;
  if (target.kind === 'vcpu') {
    const cats = spentOnVcpu(rows, target.vcpu);
    const now = busy?.[target.vcpu];
    return (
      <section className="card-section" aria-label="Spent so far" data-testid="card-spent">
        <h3>Spent so far</h3>
        <p className="card-note">
          This vCPU only, in the first {formatDurationNs(nowNs)} of this run
          {now !== undefined && <>; now {now > 0 ? 'busy' : 'idle'}</>}.
        </p>
        {cats.length === 0 ? (
          <p className="card-note">Nothing yet.</p>
        ) : (
          <table className="card-spent">
            <tbody>
              {cats.map((c) => (
                <tr key={c.category} data-category={c.category} data-ns={c.ns}>
                  <th scope="row">{c.label}</th>
                  <td>{formatCpu(c.ns)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    );
  }
  const waits = stationHwStages(target.station).map((s) => HW_STAGES[s].label);
  const cpu = stationCategories(target.station).length > 0;
  const domains = spentAtStation(rows, target.station, MODE_DESCRIPTORS[mode].domains);
  return (
    <section className="card-section" aria-label="Spent so far" data-testid="card-spent">
      <h3>Spent so far</h3>
      {cpu ? (
        <>
          <p className="card-note">{over}.</p>
          <table className="card-spent">
            <tbody>
              {domains.map((d) => (
                <tr key={d.domain} data-domain={d.domain} data-ns={d.totalNs}>
                  <th scope="row">{d.label}</th>
                  <td>{formatCpu(d.totalNs)}</td>
                  <td className="card-spent-split">
                    {d.byCategory.length > 1 &&
                      d.byCategory.map((c) => `${c.label} ${formatCpu(c.ns)}`).join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="card-note">No CPU time is charged here: this is hardware.</p>
      )}
      {waits.length > 0 && <p className="card-note">Also here, not CPU time: {waits.join(', ')}.</p>}
    </section>
  );
}
