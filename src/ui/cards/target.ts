/**
 * Which card a click or a key on the diagram asks for, read from the attributes the diagram puts on
 * its boxes (`data-box`, `data-kind`, `data-station`, `data-part`) and on its vCPU gauges
 * (`data-gauge`). Anything else (domains, hosts, the switch, ring gauges) has no card.
 */
import type { Station } from '../../model/categories.ts';
import type { PartKind } from '../diagram/index.ts';
import { STATION_LABELS, PART_LABELS } from '../diagram/layout/grid.ts';
import { PART_TOPICS, STATION_TOPICS } from './topics.ts';

interface Anchored {
  /** CSS selector of the element the card explains (to place the card beside it, and refocus it). */
  readonly selector: string;
  readonly host: number | null;
  /** The box's place (`vm`, `xen`, `dom0`, `nic`…), or the gauge's domain id. */
  readonly place: string | null;
  /** The current mode's path uses it. */
  readonly used: boolean;
}

export type CardTarget =
  | (Anchored & { readonly kind: 'station'; readonly station: Station })
  | (Anchored & { readonly kind: 'part'; readonly part: PartKind })
  | (Anchored & { readonly kind: 'vcpu'; readonly vcpu: string });

const attrSelector = (name: string, value: string) => `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;

/** A vCPU gauge key: `h0/dom0/vcpu1` (a native core: `h0/linux/vcpu0`). */
const VCPU_KEY = /^h(\d+)\/([\w-]+)\/v?cpu\d+$/;

/** The card an element of the diagram (or something inside it) stands for, or null. */
export function cardTargetOf(el: Element | null): CardTarget | null {
  const gauge = el?.closest('[data-gauge]');
  if (gauge) {
    const key = gauge.getAttribute('data-gauge') ?? '';
    const m = VCPU_KEY.exec(key);
    return m
      ? {
          kind: 'vcpu',
          vcpu: key,
          selector: attrSelector('data-gauge', key),
          host: Number(m[1]),
          place: m[2],
          used: true,
        }
      : null;
  }
  const box = el?.closest('[data-box]');
  if (!box) return null;
  const id = box.getAttribute('data-box')!;
  const hostAttr = box.getAttribute('data-host');
  const common: Anchored = {
    selector: attrSelector('data-box', id),
    host: hostAttr === null ? null : Number(hostAttr),
    place: box.getAttribute('data-place'),
    used: box.getAttribute('data-used') === 'true',
  };
  const kind = box.getAttribute('data-kind');
  const station = box.getAttribute('data-station');
  const part = box.getAttribute('data-part');
  if (kind === 'station' && station && station in STATION_TOPICS)
    return { ...common, kind: 'station', station: station as Station };
  if (kind === 'part' && part && part in PART_TOPICS)
    return { ...common, kind: 'part', part: part as PartKind };
  return null;
}

/** The card's title: the box's name as the diagram draws it at its longest. */
export function cardTitle(t: CardTarget): string {
  if (t.kind === 'station') return STATION_LABELS[t.station][0];
  if (t.kind === 'part') return PART_LABELS[t.part][0];
  return `vCPU${t.vcpu.replace(/^.*\D(\d+)$/, '$1')}`;
}
