import { formatMiBps, trim } from '../lib/format.ts';
import { parseSize } from '../lib/size.ts';
import { POSTER } from '../model/poster.ts';
import { MODES, type Mode } from '../model/types.ts';
import type { ChartPoint } from '../worker/sweeps.ts';

/**
 * `{…}` placeholders in a tour's text: a number stated as the model's result is read from the sweep
 * the charts draw, never typed into the text. Forms:
 *
 * - `{latency.pv-tcp.64}` one-way latency (µs), `{throughput.zero-copy.4M}` streaming MiB/s,
 *   `{cpu.vm.zero-copy.64K}` / `{cpu.dom0.pv-tcp.64K}` CPU per message (µs), `{pktgen.pv-tcp.1514}`
 * - `{latency.pv-tcp.64 / latency.zero-copy.64}` the ratio of two of these ("2.7×")
 * - `{poster.latency.pv-tcp}`, `{poster.vifCap}` what the poster states (quoted as the poster's)
 */

export type ModelMetric = 'latency' | 'throughput' | 'pktgen' | 'cpu.vm' | 'cpu.dom0';

export type ValueRef =
  | { readonly kind: 'model'; readonly metric: ModelMetric; readonly mode: Mode; readonly sizeBytes: number }
  | { readonly kind: 'poster-latency'; readonly mode: Mode }
  | { readonly kind: 'poster-vif-cap' };

export type Placeholder =
  | { readonly kind: 'value'; readonly ref: ValueRef }
  | { readonly kind: 'ratio'; readonly a: ValueRef; readonly b: ValueRef };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const METRIC_RE = /^(latency|throughput|pktgen|cpu\.vm|cpu\.dom0)\.([a-z0-9-]+)\.([0-9]+[KMG]?)$/;

function parseRef(text: string): Parsed<ValueRef> {
  const t = text.trim();
  if (t === 'poster.vifCap') return { ok: true, value: { kind: 'poster-vif-cap' } };
  const poster = /^poster\.latency\.([a-z0-9-]+)$/.exec(t);
  if (poster) {
    const mode = poster[1] as Mode;
    if (!(mode in POSTER.latencyUs))
      return {
        ok: false,
        error: `the poster states a latency for ${Object.keys(POSTER.latencyUs).join(', ')}, not "${poster[1]}"`,
      };
    return { ok: true, value: { kind: 'poster-latency', mode } };
  }
  const m = METRIC_RE.exec(t);
  if (!m)
    return {
      ok: false,
      error: `"{${t}}" is not a placeholder: use {latency|throughput|pktgen|cpu.vm|cpu.dom0.<mode>.<size>}, {poster.latency.<mode>} or {poster.vifCap}`,
    };
  if (!(MODES as readonly string[]).includes(m[2]))
    return { ok: false, error: `"${m[2]}" in {${t}} is not a mode (${MODES.join(', ')})` };
  const size = parseSize(m[3]);
  if (!size.ok) return { ok: false, error: size.error };
  return {
    ok: true,
    value: { kind: 'model', metric: m[1] as ModelMetric, mode: m[2] as Mode, sizeBytes: size.bytes },
  };
}

export function parsePlaceholder(inner: string): Parsed<Placeholder> {
  const parts = inner.split('/');
  if (parts.length > 2) return { ok: false, error: `"{${inner}}" divides more than two values` };
  const refs = parts.map(parseRef);
  for (const r of refs) if (!r.ok) return r;
  const [a, b] = refs.map((r) => (r as { value: ValueRef }).value);
  return { ok: true, value: b ? { kind: 'ratio', a, b } : { kind: 'value', ref: a } };
}

/** A piece of filled text: plain text, or a value with the placeholder it came from. */
export type TextPart =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'value';
      readonly source: string;
      /** The formatted value, '…' while the sweep is computed, or an error that names the placeholder. */
      readonly text: string;
      readonly state: 'ok' | 'pending' | 'error';
    };

/** Splits a text into plain parts and `{…}` placeholders (unparsed). */
export function splitPlaceholders(text: string): { text: string; placeholder: boolean }[] {
  const out: { text: string; placeholder: boolean }[] = [];
  const re = /\{([^{}]*)\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), placeholder: false });
    out.push({ text: m[1], placeholder: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), placeholder: false });
  return out;
}

/** Every placeholder of a text that does not parse, as messages. */
export function placeholderErrors(text: string): string[] {
  return splitPlaceholders(text)
    .filter((p) => p.placeholder)
    .map((p) => parsePlaceholder(p.text))
    .flatMap((r) => (r.ok ? [] : [r.error]));
}

/** What the placeholders read: the sweep's points (null while it is being computed). */
export interface ValueSources {
  readonly points: readonly ChartPoint[] | null;
}

type Looked = { ok: true; value: number; unit: string } | { ok: false; pending: boolean; error: string };

/** CPU per message of one domain, µs (the sum over categories of the sweep's CPU figure). */
export function cpuUs(p: ChartPoint, domain: 'vm' | 'dom0'): number {
  return Object.values(p.cpuNs[domain]).reduce((a, b) => a + (b ?? 0), 0) / 1000;
}

/** A model metric of one sweep point, in the unit the tour states it in. */
export function metricOf(p: ChartPoint, metric: ModelMetric): number {
  if (metric === 'latency') return p.latencyUs;
  if (metric === 'throughput' || metric === 'pktgen') return p.throughputMiBps;
  return cpuUs(p, metric === 'cpu.vm' ? 'vm' : 'dom0');
}

export const METRIC_UNITS: Record<ModelMetric, string> = {
  latency: 'µs',
  throughput: 'MiB/s',
  pktgen: 'MiB/s',
  'cpu.vm': 'µs',
  'cpu.dom0': 'µs',
};

function lookUp(ref: ValueRef, src: ValueSources): Looked {
  if (ref.kind === 'poster-latency') return { ok: true, value: POSTER.latencyUs[ref.mode], unit: 'µs' };
  if (ref.kind === 'poster-vif-cap') return { ok: true, value: POSTER.vifCapMiBps, unit: 'MiB/s' };
  if (!src.points) return { ok: false, pending: true, error: '' };
  const kind = ref.metric === 'pktgen' ? 'pktgen' : 'rdma';
  const p = src.points.find((q) => q.kind === kind && q.mode === ref.mode && q.sizeBytes === ref.sizeBytes);
  if (!p) {
    const modes = [...new Set(src.points.filter((q) => q.kind === kind).map((q) => q.mode))];
    return {
      ok: false,
      pending: false,
      error: modes.includes(ref.mode)
        ? `the sweep has no ${ref.sizeBytes}-byte point`
        : `the sweep runs ${modes.join(', ')}; choose ${ref.mode} in this step's scene`,
    };
  }
  return { ok: true, value: metricOf(p, ref.metric), unit: METRIC_UNITS[ref.metric] };
}

function formatValue(value: number, unit: string): string {
  return unit === 'MiB/s' ? formatMiBps(value) : `${trim(value)} ${unit}`;
}

/** Fills a text's placeholders from the model's results (and the poster's stated values). */
export function fillText(text: string, src: ValueSources): TextPart[] {
  return splitPlaceholders(text).map((piece): TextPart => {
    if (!piece.placeholder) return { kind: 'text', text: piece.text };
    const source = piece.text.trim();
    const parsed = parsePlaceholder(piece.text);
    if (!parsed.ok) return { kind: 'value', source, text: `[${parsed.error}]`, state: 'error' };
    const ph = parsed.value;
    const looks = ph.kind === 'value' ? [lookUp(ph.ref, src)] : [lookUp(ph.a, src), lookUp(ph.b, src)];
    const failed = looks.find((l) => !l.ok);
    if (failed && !failed.ok)
      return failed.pending
        ? { kind: 'value', source, text: '…', state: 'pending' }
        : { kind: 'value', source, text: `[{${source}}: ${failed.error}]`, state: 'error' };
    const [a, b] = looks as { value: number; unit: string }[];
    const text = b ? `${trim(a.value / b.value)}×` : formatValue(a.value, a.unit);
    return { kind: 'value', source, text, state: 'ok' };
  });
}
