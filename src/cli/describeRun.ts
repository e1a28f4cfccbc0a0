import type { RunResult } from '../model/types.ts';
import { formatTable } from './table.ts';

/** A run's result as text: the measured window, latency, throughput, CPU per message, counters. */
export function describeRun(r: RunResult): string {
  const lines = [
    `${r.mode} · ${r.workload} · RDMA ${r.op.toUpperCase()} · ${r.sizeBytes} B · ${r.pairs} pair(s) · ${r.messages} message(s) per pair · seed ${r.seed}`,
    '',
    formatTable(
      ['measure', 'value'],
      [
        ['warm-up (messages per pair, not measured)', r.warmupMessages],
        ['measured window (µs)', Number((r.measuredNs / 1000).toFixed(3))],
        ['messages measured (all pairs)', r.measuredMessages],
        ['latency mean (µs)', r.latencyUs.mean],
        ['latency of the first message, cold (µs)', r.coldLatencyUs],
        ['latency p50 (µs)', r.latencyUs.p50],
        ['latency p99 (µs)', r.latencyUs.p99],
        ['throughput (MiB/s)', r.throughputMiBps],
        ['throughput per pair (MiB/s)', r.perPairThroughputMiBps.join(', ')],
        ['simulated time (µs)', Number((r.simulatedNs / 1000).toFixed(3))],
        ['events', r.events],
      ],
    ),
    '',
    'CPU time per message (µs), by domain and category',
    formatTable(
      ['domain', 'category', 'µs/message'],
      Object.entries(r.cpuNsPerMessage).flatMap(([d, cats]) =>
        Object.entries(cats ?? {}).map(([c, v]) => [d, c, Number(((v ?? 0) / 1000).toFixed(3))]),
      ),
    ),
    '',
    'utilization (busy fraction)',
    formatTable(
      ['resource', 'busy'],
      Object.entries(r.utilization).map(([k, v]) => [k, v]),
    ),
    '',
    'counters',
    formatTable(['counter', 'count'], Object.entries(r.counters)),
  ];
  if (r.measuredNs === 0) {
    const drops = r.counters.rxDrops ?? 0;
    lines.unshift(
      drops > 0
        ? `nothing measured: ${drops} frame(s) were dropped (nicPause is off), so some messages never arrived and the steady-state window never opened`
        : 'nothing measured: the steady-state window never opened',
      '',
    );
  }
  if (Object.keys(r.changedParams).length)
    lines.push('', `changed constants: ${JSON.stringify(r.changedParams)}`);
  return lines.join('\n');
}
