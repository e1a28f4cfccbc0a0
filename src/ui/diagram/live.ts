import { naturalCompare } from '../../lib/naturalCompare.ts';
import { parseComponent, type Place } from '../../model/routes.ts';

/**
 * Live values drawn on the diagram's boxes, keyed by component name as the model names its resources.
 * Every field is optional; a missing key draws nothing.
 */
export interface LiveState {
  /** Busy fraction 0..1 per CPU: `h0/dom0/vcpu1`, `h0/vm0/vcpu0`, `h0/stubdom/vcpu0`, `h0/linux/vcpu0`. */
  cpuBusy?: Record<string, number>;
  /** Ring occupancy: `h0/vm0/tx-ring`, `h0/vm0/rx-ring` (the split driver's shared rings), `h0/nic/tx-ring`, `h0/nic/rx-ring`. */
  rings?: Record<string, { used: number; slots: number }>;
  /** An event pending on a port, keyed by the domain it will notify: `h0/dom0`, `h1/vm0`. */
  evtchnPending?: Record<string, boolean>;
  /** The NIC's DMA engine at work: `h0/dma-tx`, `h0/dma-rx`. */
  dmaActive?: Record<string, boolean>;
  /** The last registration lookup of the backend on a host: `h0` → hit, miss, or none yet. */
  iotlb?: Record<string, 'hit' | 'miss' | null>;
}

/** A readout: a name, a value with its unit, and a fill fraction for a bar (or null for no bar). */
export interface Gauge {
  key: string;
  name: string;
  value: string;
  fraction: number | null;
}

const pct = (v: number) => `${Math.round(Math.min(1, Math.max(0, v)) * 100)} %`;

function ringName(name: string): string {
  const m = /^(tx|rx)-ring$/i.exec(name);
  return m ? `${m[1].toUpperCase()} ring` : name;
}

function cpuName(name: string): string {
  const m = /^(v?)cpu(\d+)$/i.exec(name);
  return m ? `${m[1] ? 'vCPU' : 'CPU'}${m[2]}` : name;
}

/** Does the second part of a key (`vm0`, `dom0`, `stubdom`, `nic`) belong to this box? VMs: the first one only. */
function keyMatches(key: string, host: number, place: Place): boolean {
  const parts = key.split('/');
  const ref = parseComponent(key);
  if (ref.host !== host) return false;
  if (place === 'nic') return parts[1] === 'nic' || /^vf\d*$/.test(parts[1] ?? '');
  if (!ref.domain || ref.domain !== place) return false;
  return place !== 'vm' || ref.domainIndex === 0;
}

/** vCPU gauges of a domain box (for VMs, of the first VM, which the diagram draws in full). */
export function cpuGauges(live: LiveState | undefined, host: number, place: Place): Gauge[] {
  if (!live?.cpuBusy) return [];
  return Object.keys(live.cpuBusy)
    .filter((k) => keyMatches(k, host, place))
    .sort(naturalCompare)
    .map((k) => {
      const v = live.cpuBusy![k];
      const ok = Number.isFinite(v);
      return {
        key: k,
        name: cpuName(k.split('/').pop() ?? k),
        value: ok ? pct(v) : '– %',
        fraction: ok ? Math.min(1, Math.max(0, v)) : 0,
      };
    });
}

/** Ring gauges of a domain box, or of the NIC. */
export function ringGauges(live: LiveState | undefined, host: number, place: Place): Gauge[] {
  if (!live?.rings) return [];
  // TX before RX, then by name.
  const rank = (k: string) => (/tx/i.test(k.split('/').pop() ?? '') ? 0 : 1);
  return Object.keys(live.rings)
    .filter((k) => keyMatches(k, host, place))
    .sort((a, b) => rank(a) - rank(b) || naturalCompare(a, b))
    .map((k) => {
      const { used, slots } = live.rings![k];
      const ok = Number.isFinite(used) && Number.isFinite(slots) && slots > 0;
      return {
        key: k,
        name: ringName(k.split('/').pop() ?? k),
        value: ok ? `${Math.round(used)}/${Math.round(slots)}` : '–',
        fraction: ok ? Math.min(1, Math.max(0, used / slots)) : 0,
      };
    });
}

/** Pending events on a host's event channels. */
export function pendingEvents(live: LiveState | undefined, host: number): { count: number; known: boolean } {
  if (!live?.evtchnPending) return { count: 0, known: false };
  let count = 0;
  let known = false;
  for (const [k, v] of Object.entries(live.evtchnPending)) {
    if (parseComponent(k).host !== host) continue;
    known = true;
    if (v) count++;
  }
  return { count, known };
}

/** DMA engine directions at work on a host. */
export function dmaState(
  live: LiveState | undefined,
  host: number,
): { tx: boolean; rx: boolean; known: boolean } {
  const d = live?.dmaActive;
  if (!d) return { tx: false, rx: false, known: false };
  const tx = d[`h${host}/dma-tx`];
  const rx = d[`h${host}/dma-rx`];
  return { tx: !!tx, rx: !!rx, known: tx !== undefined || rx !== undefined };
}

export function iotlbState(live: LiveState | undefined, host: number): 'hit' | 'miss' | null {
  return live?.iotlb?.[`h${host}`] ?? null;
}
