import { gbPerSec, mibPerSec, oneWayUs, vmCpuUs } from './readers.ts';
import { manyVms, pingpong64, stream1M } from './scenarios.ts';
import type { Source, ValidationRow } from './types.ts';

/**
 * Devices a guest drives itself (the poster's "smart controller that exports multiple queues or
 * functions"): VMM-bypass InfiniBand (Xen-IB) and SR-IOV Ethernet. Both map to the model's sr-iov.
 */

const xenIb: Source = {
  work: 'J. Liu, W. Huang, B. Abali, D. K. Panda, “High Performance VMM-Bypass I/O in Virtual Machines”',
  venue: 'USENIX ATC 2006, pp. 29–42',
  where:
    'abstract: “nearly the same raw performance as the original InfiniBand driver running in a non-virtualized environment” (the latency and bandwidth figures of its evaluation were not readable here)',
  url: 'https://www.usenix.org/legacy/events/usenix06/tech/liu.html',
};

const dong: Source = {
  work: 'Y. Dong, X. Yang, X. Li, J. Li, K. Tian, H. Guan, “High performance network virtualization with SR-IOV”',
  venue: 'IEEE HPCA 2010 (DOI 10.1109/HPCA.2010.5416637)',
  where: 'abstract: line rate (9.48 Gbps), up to 60 VMs, 1.76 % additional CPU per VM',
  url: 'https://manuscript.isc.ac/Inventory/49/3522525.htm',
};

const VMS = 4;

export const HARDWARE_ROWS: readonly ValidationRow[] = [
  {
    id: 'xen-ib-latency',
    group: 'xen-ib',
    result: 'VMM-bypass I/O has nearly native latency',
    published: 1,
    unit: '× native',
    source: xenIb,
    tolerance: { kind: 'atMost', max: 1.1 },
    required: false,
    runs: { vf: pingpong64('sr-iov'), host: pingpong64('native') },
    reading: 'sr-iov one-way latency over native one-way latency, 64-B ping-pong',
    read: (r) => oneWayUs(r.vf) / oneWayUs(r.host),
    mapping:
      'sr-iov vs native; the model’s native is kernel TCP while Xen-IB’s is InfiniBand verbs, so the bound is one-sided',
    ifFails:
      'the model’s VF completes by an interrupt Xen injects into the guest; Xen-IB polls its completion queue from user space',
  },
  {
    id: 'xen-ib-bandwidth',
    group: 'xen-ib',
    result: 'VMM-bypass I/O has nearly native bandwidth',
    published: 1,
    unit: '× native',
    source: xenIb,
    tolerance: { kind: 'atLeast', min: 0.9 },
    required: false,
    runs: { vf: stream1M('sr-iov'), host: stream1M('native') },
    reading: 'sr-iov throughput over native throughput, streamed 1-MiB writes',
    read: (r) => mibPerSec(r.vf) / mibPerSec(r.host),
    mapping: 'sr-iov vs native, same stream',
    ifFails:
      'a per-message cost on the VF path (interrupt injection, system call) limits its stream below native',
  },
  {
    id: 'sr-iov-line-rate',
    group: 'sr-iov',
    result: `SR-IOV reaches line rate, 9.48 Gb/s, with several VMs`,
    published: 9.48,
    unit: 'Gb/s',
    source: dong,
    tolerance: { kind: 'within', pct: 5 },
    required: false,
    runs: { many: manyVms(VMS) },
    reading: `aggregate payload throughput of ${VMS} VM pairs streaming 256-KiB writes`,
    read: (r) => gbPerSec(r.many),
    mapping: `sr-iov, ${VMS} pairs, each VM with its own virtual function`,
    ifFails: {
      above:
        'the model counts RDMA payload in 9000-B frames; Dong et al. report TCP goodput over 1500-B frames, which carry more header per byte',
      below:
        'the VFs share one NIC and link; per-message costs or buffer pacing keep the aggregate below line rate',
    },
  },
  {
    id: 'sr-iov-cpu-per-vm',
    group: 'sr-iov',
    result:
      'each added VM costs the same small CPU (1.76 % per VM): guest CPU per message is flat in the VM count',
    published: 1,
    unit: `× (${VMS} VMs / 1 VM)`,
    source: dong,
    tolerance: { kind: 'within', pct: 10 },
    required: false,
    runs: { one: manyVms(1), many: manyVms(VMS) },
    reading: `guest CPU per message with ${VMS} pairs over that with one pair`,
    read: (r) => vmCpuUs(r.many) / vmCpuUs(r.one),
    mapping: `sr-iov stream, 1 vs ${VMS} pairs`,
    ifFails: {
      above:
        'guest CPU per message grows with VMs sharing the NIC (more interrupts per message when queues are shallower)',
      below:
        'guest CPU per message falls with more VMs: completions of several messages share one coalesced interrupt',
    },
  },
];
