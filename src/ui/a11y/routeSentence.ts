// The diagram in words: one sentence that follows the mode's route (src/model/routes.ts, as the diagram
// draws it through ../diagram/layout/route.ts), for the diagram's accessible description. The boxes
// keep their own labels; this says the order the data passes them in.
import { DOMAINS } from '../../model/categories.ts';
import { MODE_DESCRIPTORS } from '../../model/modes.ts';
import { ARROWS, type ArrowName, type Place } from '../../model/routes.ts';
import type { Mode, Op } from '../../model/types.ts';
import { STATION_LABELS } from '../diagram/layout/grid.ts';
import { modeRoute, type RouteStop } from '../diagram/layout/route.ts';

const PLACES: Readonly<Record<Place, string>> = {
  ...DOMAINS,
  xen: 'Xen',
  nic: 'NIC',
  net: 'network',
};

const ARTICLE: ReadonlySet<Place> = new Set<Place>(['vm', 'dom0', 'stubdom']);
const placeName = (p: Place) =>
  p === 'nic' ? 'on the NIC' : p === 'linux' ? 'in Linux' : `in ${ARTICLE.has(p) ? 'the ' : ''}${PLACES[p]}`;
const stationName = (s: RouteStop) => STATION_LABELS[s.station][0];

/** "a", "a and b", "a, b and c". */
function list(items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

interface Named {
  stop: RouteStop;
  /** The poster's arrow that starts its way into this stop (b₁, c₁). */
  arrow?: ArrowName;
}

/** Consecutive stops at one place, said as "the A and the B in the guest VM". */
function phrase(stops: readonly Named[]): string {
  const groups: Named[][] = [];
  for (const s of stops) {
    const g = groups[groups.length - 1];
    if (g && g[0].stop.place === s.stop.place) g.push(s);
    else groups.push([s]);
  }
  return groups
    .map(
      (g) =>
        `${list(g.map((s) => `${s.arrow ? `${ARROWS[s.arrow].short} ` : ''}the ${stationName(s.stop)}`))} ${placeName(g[0].stop.place)}`,
    )
    .join(', ');
}

/** Drops a stop that repeats the one before it (a route may pass back through a station). */
function withoutRepeats(stops: readonly Named[]): Named[] {
  return stops.filter(
    (s, i) =>
      i === 0 ||
      `${s.stop.place}:${s.stop.station}` !== `${stops[i - 1].stop.place}:${stops[i - 1].stop.station}`,
  );
}

const OPENING: Readonly<Record<Op, string>> = { write: 'A WRITE', read: "A READ's data" };

/**
 * The route as a sentence, e.g. "A WRITE in mode hw-offload (NIC offload?) goes from the application in
 * the guest VM through the HPC frontend in the guest VM, b₁ the event channel and the scheduler in Xen,
 * …, over the wire to the other host, then through … to the application in the guest VM." Where the
 * NIC reads the application's pages itself (d₁), a second sentence says so.
 */
export function routeSentence(mode: Mode, op?: Op): string {
  const r = modeRoute(mode);
  const sender: Named[] = r.sender.map((stop) => ({ stop }));
  for (const a of r.arrows) {
    const first = a.hops[0];
    if (first && sender[first[1]]) sender[first[1]] = { ...sender[first[1]], arrow: a.name };
  }
  const isWire = (s: Named) => s.stop.station === 'wire';
  const out = withoutRepeats(sender.filter((s) => !isWire(s)));
  const back = withoutRepeats(r.receiver.filter((stop) => stop.station !== 'wire').map((stop) => ({ stop })));
  const who = `${op ? OPENING[op] : 'The data'} in mode ${mode} (${MODE_DESCRIPTORS[mode].label})`;
  const start = out[0];
  const end = back[back.length - 1];
  const parts: string[] = [];
  parts.push(
    start ? `${who} goes from the ${stationName(start.stop)} ${placeName(start.stop.place)}` : `${who} goes`,
  );
  if (out.length > 1) parts.push(`through ${phrase(out.slice(1))}`);
  const crosses = r.sender.some((s) => s.station === 'wire');
  let sentence = parts.join(' ');
  if (crosses) sentence += ', over the wire to the other host';
  if (back.length > 1) sentence += `, then through ${phrase(back.slice(0, -1))}`;
  if (end) sentence += ` to the ${stationName(end.stop)} ${placeName(end.stop.place)}`;
  sentence += '.';
  if (r.arrows.some((a) => a.name === 'd1')) {
    const d = ARROWS.d1.description.replace(/^d₁: /, '');
    sentence += ` ${d.charAt(0).toUpperCase()}${d.slice(1)} (${ARROWS.d1.short}).`;
  }
  return sentence;
}
