import fc from 'fast-check';
import { MODE_DESCRIPTORS } from '../modes.ts';
import { MODES, OPS, type Scenario } from '../types.ts';

/** Small random scenarios over every mode, workload and operation. */
export const randomScenarios = fc
  .record({
    mode: fc.constantFrom(...MODES),
    workload: fc.constantFrom('pingpong', 'stream', 'pktgen'),
    op: fc.constantFrom(...OPS),
    sizeBytes: fc.constantFrom(1, 64, 1500, 4096, 9000, 65536, 300_000),
    pairs: fc.integer({ min: 1, max: 3 }),
    window: fc.integer({ min: 1, max: 8 }),
    messages: fc.integer({ min: 1, max: 12 }),
    warmupMessages: fc.integer({ min: 0, max: 3 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    iotlbCache: fc.constantFrom(0, 1),
    dom0Vcpus: fc.integer({ min: 1, max: 4 }),
    vmVcpus: fc.integer({ min: 1, max: 2 }),
    coalUs: fc.constantFrom(0, 2, 20),
    jitterPct: fc.constantFrom(0, 10),
  })
  .map(({ iotlbCache, dom0Vcpus, vmVcpus, coalUs, jitterPct, ...s }): Scenario => {
    const workload = s.workload === 'pktgen' && !MODE_DESCRIPTORS[s.mode].pktgen ? 'stream' : s.workload;
    return {
      ...s,
      workload: workload as Scenario['workload'],
      sizeBytes: workload === 'pktgen' ? Math.min(Math.max(s.sizeBytes, 60), 1514) : s.sizeBytes,
      pairs: MODE_DESCRIPTORS[s.mode].hasVms ? s.pairs : 1,
      messages: workload === 'pktgen' ? s.messages * 20 : s.messages,
      params: { iotlbCache, dom0Vcpus, vmVcpus, coalUs, jitterPct },
    };
  });
