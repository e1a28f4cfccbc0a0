import { cpuTotalNs } from '../src/model/figures.ts';
import { NS_PER_S, mibPerSec } from '../src/lib/units.ts';
import { PARAMS, PARAM_BY_NAME } from '../src/model/params.ts';
import { POSTER } from '../src/model/poster.ts';
import { runScenario } from '../src/model/run.ts';
import type { Scenario } from '../src/model/types.ts';

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceBetween(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`docs/model.md has no ${start} … ${end} block`);
  return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
}

const cell = (s: string | number) => String(s).replace(/\|/g, '\\|');

export function paramTable(): string {
  const rows = PARAMS.map((p) =>
    [p.name, p.unit, p.default, `${p.min}–${p.max}`, p.description, p.source].map(cell).join(' | '),
  );
  return [
    '| name | unit | default | range | what it is | source |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

const base: Scenario = {
  mode: 'pv-tcp',
  workload: 'pingpong',
  op: 'write',
  sizeBytes: 64,
  pairs: 1,
  window: 8,
  messages: 50,
  seed: 1,
  params: {},
};
/** The default link's raw rate, MiB/s. */
const wireMiBps = mibPerSec((PARAM_BY_NAME.get('linkGbps')!.default * 1e9) / 8, NS_PER_S);

export function posterTable(): string {
  const lat = (mode: Scenario['mode']) => runScenario({ ...base, mode }).latencyUs.mean;
  const pktgen = (mode: Scenario['mode']) =>
    runScenario({ ...base, mode, workload: 'pktgen', sizeBytes: 1514, messages: 20000 }).throughputMiBps;
  const stream = (mode: Scenario['mode']) =>
    runScenario({ ...base, mode, workload: 'stream', sizeBytes: 1 << 20, messages: 32 }).throughputMiBps;
  const cpu = (mode: Scenario['mode'], size: number) =>
    runScenario({
      ...base,
      mode,
      workload: 'stream',
      window: 1,
      sizeBytes: size,
      messages: size > 65536 ? 4 : 32,
    });
  const zc64 = cpu('zero-copy', 64);
  const zc4m = cpu('zero-copy', 4 << 20);
  const us = (x: number) => `${x.toFixed(1)} µs`;
  const rows = [
    [
      'RDMA write, 64 B, one-way: TCP sockets in a VM (`pv-tcp`)',
      `${POSTER.latencyUs['pv-tcp']} µs`,
      us(lat('pv-tcp')),
    ],
    [
      'RDMA write, 64 B, one-way: the framework (`zero-copy`)',
      `${POSTER.latencyUs['zero-copy']} µs`,
      us(lat('zero-copy')),
    ],
    [
      'pktgen, 1514-B frames, VM through its vif',
      `${POSTER.vifCapMiBps} MiB/s`,
      `${pktgen('pv-tcp').toFixed(1)} MiB/s`,
    ],
    [
      'pktgen, 1514-B frames, vanilla Linux / Dom0',
      'near the wire',
      `${pktgen('native').toFixed(1)} / ${pktgen('dom0').toFixed(1)} MiB/s (wire ${wireMiBps.toFixed(1)} MiB/s raw)`,
    ],
    [
      'Streaming 1 MiB writes: framework / TCP in a VM',
      'framework near the wire',
      `${stream('zero-copy').toFixed(1)} / ${stream('pv-tcp').toFixed(1)} MiB/s`,
    ],
    [
      'Guest CPU per write, framework, 64 B → 4 MiB',
      'negligible, flat',
      `${(cpuTotalNs(zc64, 'vm') / 1000).toFixed(2)} → ${(cpuTotalNs(zc4m, 'vm') / 1000).toFixed(2)} µs`,
    ],
    [
      'Dom0 CPU per write, framework, 64 B → 4 MiB',
      'some, grows',
      `${(cpuTotalNs(zc64, 'dom0') / 1000).toFixed(2)} → ${(cpuTotalNs(zc4m, 'dom0') / 1000).toFixed(2)} µs`,
    ],
  ];
  return [
    '| result | poster | model |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}
