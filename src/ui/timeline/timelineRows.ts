import type { DrawContext } from '../../frame/frameLoop.ts';
import { naturalCompare } from '../../lib/naturalCompare.ts';

/** The live run's recording, as the frame loop hands it over (the UI never imports src/live). */
export type Recording = DrawContext['live']['recording'];
type Place = ReturnType<Recording['place']>;

/** What the rows are built from: the recording's track names, its counters and where each sits. */
export interface TrackSource {
  readonly tracks: { readonly names: readonly string[] };
  readonly counters: readonly { readonly name: string }[];
  place(name: string): Place;
}

/** One row of the timeline, top to bottom. */
export interface TimelineRow {
  /** `host`: a host's heading; `span`: a track of spans; `counter`: a ring or event channel's level. */
  readonly kind: 'host' | 'span' | 'counter';
  /** Index of the span track (in `tracks.names`) or of the counter (in `counters`); −1 for a heading. */
  readonly index: number;
  readonly name: string;
  readonly place: Place;
  /** The group's name on its first row only ("Dom0", "VM 1", "NIC", "wire"), else ''. */
  readonly groupLabel: string;
  /** The row's own name ("vCPU 0", "DMA tx", "tx ring", "events"). */
  readonly label: string;
  readonly y: number;
  readonly height: number;
}

/** Groups within a host: the driver domain first, then the guests by number, then NIC and wire. */
function groupRank(group: string): number {
  if (group === 'dom0') return 0;
  if (group === 'stubdom') return 1;
  const vm = /^vm(\d+)$/.exec(group);
  if (vm) return 10 + Number(vm[1]);
  if (group === 'nic') return 10_000;
  if (group === 'wire') return 10_001;
  return 5_000;
}

const KIND_RANK: Record<Place['kind'], number> = { vcpu: 0, nic: 1, wire: 2, ring: 3, evtchn: 4, other: 5 };

function groupName(group: string): string {
  if (group === 'dom0') return 'Dom0';
  if (group === 'stubdom') return 'stub dom';
  if (group === 'nic') return 'NIC';
  const vm = /^vm(\d+)$/.exec(group);
  return vm ? `VM ${vm[1]}` : group;
}

function leafName(p: Place): string {
  if (p.kind === 'vcpu') return p.leaf.replace(/^vcpu(\d+)$/, 'vCPU $1');
  if (p.kind === 'evtchn') return 'events';
  if (p.kind === 'wire') return 'wire';
  if (p.leaf === 'nic') return 'NIC';
  if (p.leaf.startsWith('dma-')) return `DMA ${p.leaf.slice(4)}`;
  return p.leaf.replace(/-/g, ' ') || p.group;
}

/**
 * The rows, in the tree's order: per host a heading, then each domain's vCPUs, its rings and its
 * event channel, then the NIC (its engine, DMA tx and rx, its ring), then the wire. Rows of spans
 * are `rowPx` high, counters a little less, headings `headPx`.
 */
export function timelineRows(src: TrackSource, rowPx: number, headPx: number): TimelineRow[] {
  type Item = { kind: 'span' | 'counter'; index: number; name: string; place: Place };
  const items: Item[] = [
    ...src.tracks.names.map((name, index) => ({
      kind: 'span' as const,
      index,
      name,
      place: src.place(name),
    })),
    ...src.counters.map((c, index) => ({
      kind: 'counter' as const,
      index,
      name: c.name,
      place: src.place(c.name),
    })),
  ];
  items.sort(
    (a, b) =>
      a.place.host - b.place.host ||
      groupRank(a.place.group) - groupRank(b.place.group) ||
      a.place.group.localeCompare(b.place.group) ||
      KIND_RANK[a.place.kind] - KIND_RANK[b.place.kind] ||
      naturalCompare(a.name, b.name),
  );
  const rows: TimelineRow[] = [];
  let y = 0;
  let host = Number.NaN;
  let group = '';
  for (const it of items) {
    if (it.place.host !== host) {
      host = it.place.host;
      group = '';
      const place: Place = { host, group: '', leaf: '', kind: 'other' };
      const label = host >= 0 ? `Host ${host}` : 'Other';
      rows.push({
        kind: 'host',
        index: -1,
        name: label,
        place,
        groupLabel: label,
        label: '',
        y,
        height: headPx,
      });
      y += headPx;
    }
    const first = it.place.group !== group;
    group = it.place.group;
    const height = it.kind === 'counter' ? Math.round(rowPx * 0.85) : rowPx;
    rows.push({
      kind: it.kind,
      index: it.index,
      name: it.name,
      place: it.place,
      groupLabel: first ? groupName(group) : '',
      label: leafName(it.place),
      y,
      height,
    });
    y += height;
  }
  return rows;
}

/** The total height of the rows. */
export const rowsHeight = (rows: readonly TimelineRow[]) => {
  const last = rows.at(-1);
  return last ? last.y + last.height : 0;
};
