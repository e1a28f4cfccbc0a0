import { describe, expect, it } from 'vitest';
import { CALIBRATIONS } from '../params.ts';
import { runScenario } from '../run.ts';
import type { RunResult } from '../types.ts';
import { scenario } from './helpers.ts';

/**
 * The poster's results, reproduced by running the model: no figure is written into it. The
 * tolerances are the issue's; the poster's values appear only here, as the targets.
 */
const WIRE_MIB_PER_S = 10e9 / 8 / 2 ** 20; // 10 GbE raw: 1192.09 MiB/s

const cpuSum = (r: RunResult, domain: 'vm' | 'dom0') =>
  Object.values(r.cpuNsPerMessage[domain] ?? {}).reduce((a, b) => a + (b ?? 0), 0);

describe('poster: latency of a 64-byte RDMA write (ping-pong, one-way)', () => {
  it('pv-tcp takes 77 µs ± 3 %', () => {
    const r = runScenario(scenario({ mode: 'pv-tcp', workload: 'pingpong', messages: 50 }));
    expect(r.latencyUs.mean).toBeGreaterThan(77 * 0.97);
    expect(r.latencyUs.mean).toBeLessThan(77 * 1.03);
  });

  it('zero-copy takes 28 µs ± 3 %', () => {
    const r = runScenario(scenario({ mode: 'zero-copy', workload: 'pingpong', messages: 50 }));
    expect(r.latencyUs.mean).toBeGreaterThan(28 * 0.97);
    expect(r.latencyUs.mean).toBeLessThan(28 * 1.03);
  });
});

describe('poster: pktgen with 1514-byte frames', () => {
  const pktgen = (mode: 'native' | 'dom0' | 'pv-tcp') =>
    runScenario(scenario({ mode, workload: 'pktgen', sizeBytes: 1514, messages: 20_000 }));

  it('the VM through its vif is capped at 416 MiB/s ± 2 %', () => {
    const r = pktgen('pv-tcp');
    expect(r.throughputMiBps).toBeGreaterThan(416 * 0.98);
    expect(r.throughputMiBps).toBeLessThan(416 * 1.02);
  });

  it.each(['native', 'dom0'] as const)('%s is limited by the wire', (mode) => {
    const r = pktgen(mode);
    const wireLimit = (WIRE_MIB_PER_S * 1514) / (1514 + 24); // frames plus FCS, preamble and gap
    expect(r.utilization['h0/wire']).toBeGreaterThan(0.99);
    expect(r.throughputMiBps).toBeGreaterThan(wireLimit * 0.99);
    // Serialization times are whole nanoseconds (1230.4 → 1230 ns a frame): 0.03 % of slack.
    expect(r.throughputMiBps).toBeLessThanOrEqual(wireLimit * 1.001);
  });
});

describe('poster: streaming throughput', () => {
  const stream = (mode: 'pv-tcp' | 'zero-copy', sizeBytes: number, messages: number) =>
    runScenario(scenario({ mode, workload: 'stream', sizeBytes, window: 8, messages }));

  it.each([1 << 20, 4 << 20])('zero-copy reaches ≥ 95 %% of the wire with %i-byte messages', (size) => {
    const r = stream('zero-copy', size, size === 1 << 20 ? 32 : 8);
    expect(r.throughputMiBps).toBeGreaterThanOrEqual(0.95 * WIRE_MIB_PER_S);
  });

  it('pv-tcp levels off below the vif limit measured by pktgen (its netback also carries the ACKs)', () => {
    const vifCap = runScenario(
      scenario({ mode: 'pv-tcp', workload: 'pktgen', sizeBytes: 1514, messages: 10_000 }),
    );
    const at1M = stream('pv-tcp', 1 << 20, 12);
    const at4M = stream('pv-tcp', 4 << 20, 4);
    expect(Math.abs(at4M.throughputMiBps - at1M.throughputMiBps) / at1M.throughputMiBps).toBeLessThan(0.05);
    expect(at4M.throughputMiBps).toBeGreaterThan(0.6 * vifCap.throughputMiBps);
    expect(at4M.throughputMiBps).toBeLessThan(1.0 * vifCap.throughputMiBps);
  });
});

describe('poster: CPU time per message (two VMs doing RDMA writes, one at a time)', () => {
  const cpu = (mode: 'pv-tcp' | 'zero-copy', sizeBytes: number) =>
    runScenario(
      scenario({ mode, workload: 'stream', sizeBytes, window: 1, messages: sizeBytes >= 1 << 20 ? 4 : 32 }),
    );

  it("zero-copy: the guest's share stays within 5 % from 64 B to 4 MiB, Dom0's grows", () => {
    const small = cpu('zero-copy', 64);
    const large = cpu('zero-copy', 4 << 20);
    const vmSmall = cpuSum(small, 'vm');
    expect(vmSmall).toBeGreaterThan(0);
    expect(Math.abs(cpuSum(large, 'vm') - vmSmall) / vmSmall).toBeLessThan(0.05);
    expect(cpuSum(large, 'dom0')).toBeGreaterThan(10 * cpuSum(small, 'dom0'));
  });

  it('pv-tcp: both the guest and Dom0 grow with the size', () => {
    const small = cpu('pv-tcp', 64);
    const large = cpu('pv-tcp', 1 << 20);
    expect(cpuSum(large, 'vm')).toBeGreaterThan(100 * cpuSum(small, 'vm'));
    expect(cpuSum(large, 'dom0')).toBeGreaterThan(100 * cpuSum(small, 'dom0'));
  });

  it("zero-copy's guest CPU is negligible next to pv-tcp's at every size", () => {
    for (const size of [64, 65536, 1 << 20]) {
      expect(cpuSum(cpu('zero-copy', size), 'vm')).toBeLessThan(cpuSum(cpu('pv-tcp', size), 'vm'));
    }
  });
});

describe('calibration B, the named alternative (cost-model §4.2)', () => {
  const b = (mode: 'pv-tcp' | 'zero-copy') =>
    runScenario(scenario({ mode, workload: 'pingpong', messages: 50, params: { ...CALIBRATIONS.B.params } }));

  it('keeps the framework at 28 µs ± 3 % with cheap hand-offs and 8.2 µs of coalescing', () => {
    const r = b('zero-copy');
    expect(r.latencyUs.mean).toBeGreaterThan(28 * 0.97);
    expect(r.latencyUs.mean).toBeLessThan(28 * 1.03);
  });

  it('puts TCP within 10 % of 77 µs through PV-kernel TCP costs and two send() calls', () => {
    const r = b('pv-tcp');
    expect(r.latencyUs.mean).toBeGreaterThan(77 * 0.9);
    expect(r.latencyUs.mean).toBeLessThan(77 * 1.1);
    // The second send() is what lifts it: with one writev it stays near the 64 µs of cost-model §4.2.
    const oneCall = runScenario(
      scenario({
        mode: 'pv-tcp',
        workload: 'pingpong',
        messages: 50,
        params: { ...CALIBRATIONS.B.params, tcpSendCalls: 1 },
      }),
    );
    expect(r.latencyUs.mean - oneCall.latencyUs.mean).toBeGreaterThan(4);
  });
});
