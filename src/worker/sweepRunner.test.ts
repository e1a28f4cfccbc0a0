import { describe, expect, it } from 'vitest';
import { SweepRunner } from './sweepRunner.ts';
import type { FromWorker } from './protocol.ts';

describe('SweepRunner', () => {
  it('reports progress then the points; a newer request cancels the older', () => {
    const posted: FromWorker[] = [];
    const queue: (() => void)[] = [];
    const runner = new SweepRunner(
      (m) => posted.push(m),
      (next) => queue.push(next),
    );
    const req = {
      modes: ['zero-copy' as const],
      op: 'write' as const,
      pairs: 1,
      window: 2,
      seed: 1,
      params: {},
      sizes: [64, 4096],
    };
    runner.start(1, req);
    runner.start(2, req);
    while (queue.length) queue.shift()!();
    const results = posted.filter((m) => m.kind === 'result');
    expect(results.map((r) => r.id)).toEqual([2]);
    const points = results[0].kind === 'result' ? results[0].points : [];
    const rdma = points.filter((p) => p.kind === 'rdma');
    expect(rdma.map((p) => p.sizeBytes)).toEqual([64, 4096]);
    expect(rdma[0].latencyUs).toBeGreaterThan(20);
    // Then the poster's pktgen figure: the VM's vif is far below the wire at 1514-byte frames.
    const pktgen = points.filter((p) => p.kind === 'pktgen' && p.sizeBytes === 1514);
    expect(pktgen.map((p) => p.mode)).toEqual(['native', 'dom0', 'pv-tcp']);
    expect(pktgen[2].throughputMiBps).toBeLessThan(pktgen[0].throughputMiBps / 2);
    const progress = posted
      .filter((m) => m.kind === 'progress' && m.id === 2)
      .map((m) => (m.kind === 'progress' ? m.done : 0));
    expect(progress).toEqual(points.map((_, i) => i + 1));
  });
});
