import { mbPerSec, mibPerSec, rttUs } from './readers.ts';
import { pingpong64, stream1M } from './scenarios.ts';
import type { Source, ValidationRow } from './types.ts';

/**
 * Xen2MX (same authors, 2012–2014): Open-MX over a Xen split driver with grant-mapped zero copy,
 * the poster's idea grown up. Mapping: Xen2MX → zero-copy; the directly attached (IOV) function →
 * sr-iov; the bridged paravirtual setup → pv-tcp, which carries TCP where Xen2MX's bridged case ran
 * Open-MX frames. Both testbeds had a 10 Gb/s link, as the model does, so throughput compares as
 * is; latencies come from different hardware and a later, polling prototype (cost-model §0, §7).
 */

const vhpc12: Source = {
  work: 'A. Nanos, N. Koziris, “Xen2MX: towards high-performance communication in the cloud”',
  venue: 'Euro-Par 2012 Parallel Processing Workshops (VHPC ’12), 2012',
  where: 'abstract: RTT 14 μs, directly attached devices 13 μs, software bridge 44 μs',
  url: 'http://hinet.lindayi.me/paper.php?id=1960185',
};

const projectPage: Source = {
  work: 'A. Nanos, N. Koziris, Xen2MX project page (summarising JSS 2014 and VHPC ’12)',
  venue: 'J. Systems and Software, 2014 / VHPC ’12, as cited there',
  where: 'throughput paragraph: 1159 MB/s vs 1192 MB/s directly attached',
  url: 'http://research.cslab.ece.ntua.gr/xen2mx',
};

const RTT = { xen2mx: 14, direct: 13, bridged: 44 };
const THROUGHPUT_MBPS = { xen2mx: 1159, direct: 1192 };

const rttRow = (
  id: string,
  who: string,
  mode: 'zero-copy' | 'sr-iov' | 'pv-tcp',
  published: number,
  mapping: string,
  slower: string,
): ValidationRow => ({
  id,
  group: 'xen2mx',
  result: `round trip of a small message, ${who}: ${published} µs`,
  published,
  unit: 'µs',
  source: vhpc12,
  tolerance: { kind: 'within', pct: 20 },
  required: false,
  runs: { m: pingpong64(mode) },
  reading: 'two one-way trips of a 64-B write (ping-pong)',
  read: (r) => rttUs(r.m),
  mapping,
  ifFails: {
    above: slower,
    below: `the model is faster than the ${who} case of 2012: its costs are assumptions calibrated to the poster`,
  },
});

export const XEN2MX_ROWS: readonly ValidationRow[] = [
  {
    id: 'xen2mx-throughput',
    group: 'xen2mx',
    result: 'Xen2MX nearly saturates a 10 Gb/s link: 1159 MB/s',
    published: THROUGHPUT_MBPS.xen2mx,
    unit: 'MB/s',
    source: projectPage,
    tolerance: { kind: 'within', pct: 5 },
    required: false,
    runs: { zc: stream1M('zero-copy') },
    reading: 'payload throughput of streamed 1-MiB writes, in 10⁶ B/s',
    read: (r) => mbPerSec(r.zc),
    mapping: 'zero-copy stream, 1-MiB messages, one pair',
    ifFails: {
      above:
        'the model streams at nearly the raw wire rate; Xen2MX’s “MB/s” may be MiB/s (its direct 1192 equals 10 Gb/s in MiB/s, cost-model §3), which would put the published value 4.9 % higher',
      below: 'something below the wire (Dom0 backend, PCIe, NIC buffer pacing) limits the framework’s stream',
    },
  },
  {
    id: 'xen2mx-throughput-vs-direct',
    group: 'xen2mx',
    result: 'Xen2MX reaches 1159 of the directly attached case’s 1192 MB/s',
    published: THROUGHPUT_MBPS.xen2mx / THROUGHPUT_MBPS.direct,
    unit: '× sr-iov',
    source: projectPage,
    tolerance: { kind: 'within', pct: 3 },
    required: false,
    runs: { zc: stream1M('zero-copy'), vf: stream1M('sr-iov') },
    reading: 'zero-copy throughput over sr-iov throughput, streamed 1-MiB writes',
    read: (r) => mibPerSec(r.zc) / mibPerSec(r.vf),
    mapping: 'zero-copy vs sr-iov (the directly attached function), same stream',
    ifFails: {
      above:
        'in the model both streams reach the wire and the VF pays an interrupt per completion; Xen2MX lost 3 % to IOV',
      below: 'the framework’s stream is held below the VF’s by Dom0 or buffer pacing',
    },
  },
  rttRow(
    'xen2mx-rtt-framework',
    'Xen2MX',
    'zero-copy',
    RTT.xen2mx,
    'zero-copy (the split-driver framework)',
    'the model is calibrated to the poster’s 28 µs one-way (an earlier prototype that wakes Dom0 per message); Xen2MX is later, on 2012 hardware, and gained a polling backend',
  ),
  rttRow(
    'xen2mx-rtt-direct',
    'directly attached function (IOV)',
    'sr-iov',
    RTT.direct,
    'sr-iov (a virtual function in the guest)',
    'the model’s VF posts through a system call and completes by a coalesced interrupt Xen injects; Open-MX on the VF polled',
  ),
  rttRow(
    'xen2mx-rtt-bridged',
    'bridged paravirtual NIC',
    'pv-tcp',
    RTT.bridged,
    'pv-tcp (netfront → netback → bridge); the model adds TCP sockets, Xen2MX’s bridged run had Open-MX frames',
    'the model’s bridged path carries the poster’s TCP baseline (77 µs one-way), not Open-MX',
  ),
  {
    id: 'xen2mx-rtt-vs-bridged',
    group: 'xen2mx',
    result: 'the framework cuts the bridged round trip to 14/44 of it',
    published: RTT.xen2mx / RTT.bridged,
    unit: '× pv-tcp',
    source: vhpc12,
    tolerance: { kind: 'within', pct: 20 },
    required: false,
    runs: { zc: pingpong64('zero-copy'), tcp: pingpong64('pv-tcp') },
    reading: 'zero-copy RTT over pv-tcp RTT, 64-B ping-pong',
    read: (r) => rttUs(r.zc) / rttUs(r.tcp),
    mapping: 'zero-copy vs pv-tcp; pv-tcp adds TCP where Xen2MX’s bridged case had none',
    ifFails: {
      above:
        'the model’s framework wakes a blocked Dom0 vCPU per message (the poster’s prototype), which Xen2MX avoids by polling',
      below: 'TCP in the model’s bridged path makes it slower than Xen2MX’s bridged Open-MX',
    },
  },
  {
    id: 'xen2mx-rtt-vs-direct',
    group: 'xen2mx',
    result: 'a directly attached function is within 13/14 of Xen2MX’s round trip',
    published: RTT.direct / RTT.xen2mx,
    unit: '× zero-copy',
    source: vhpc12,
    tolerance: { kind: 'within', pct: 10 },
    required: false,
    runs: { zc: pingpong64('zero-copy'), vf: pingpong64('sr-iov') },
    reading: 'sr-iov RTT over zero-copy RTT, 64-B ping-pong',
    read: (r) => rttUs(r.vf) / rttUs(r.zc),
    mapping: 'sr-iov vs zero-copy',
    ifFails: {
      above:
        'the model’s VF is slower than its framework relative to Xen2MX’s: interrupt completion on the VF path',
      below:
        'the model’s framework wakes a blocked Dom0 vCPU per message (the poster’s prototype); Xen2MX polls and comes within 7 % of IOV',
    },
  },
];
