import { TCP_IP_HEADER_BYTES } from '../hw/frame.ts';
import { dom0UsPerSegment, gbPerSec, mibPerSec } from './readers.ts';
import { bulk64K } from './scenarios.ts';
import type { Source, ValidationRow } from './types.ts';

/**
 * Xen's paravirtual network path before the 2006–2009 optimisations, the path the poster measures
 * as its TCP baseline: per-guest throughput and the driver domain's cost per packet.
 */

const ram: Source = {
  work: 'K. K. Ram, J. R. Santos, Y. Turner, A. L. Cox, S. Rixner, “Achieving 10 Gb/s using Safe and Transparent Network Interface Virtualization” (follow-up of Santos et al., USENIX ATC 2008)',
  venue: 'ACM VEE 2009 (HP Labs HPL-2009-25)',
  where:
    'abstract: the maximum throughput of a guest rises “from 2.9 Gb/s to full 10 Gigabit Ethernet link rates”',
  url: 'https://fdocuments.in/document/achieving-10-gbs-using-safe-and-transparent-network-timizations-increase-the.html',
};

const santos: Source = {
  work: 'J. R. Santos, Y. Turner, G. Janakiraman, I. Pratt, “Bridging the Gap between Software and Hardware Techniques for I/O Virtualization”, with Ram et al. (VEE 2009) for the 2.9 Gb/s ceiling',
  venue: 'USENIX ATC 2008',
  where:
    'abstract: driver-domain CPU overhead limits 10 GbE throughput (−56 % on the receive path after their changes); Ram et al.: 2.9 Gb/s per guest with the driver domain the bottleneck. Derived: one saturated Dom0 core ÷ (2.9 Gb/s ÷ 1448-B segments)',
  url: 'https://www.usenix.org/legacy/events/usenix08/tech/full_papers/santos/santos_html/index.html',
};

const menon: Source = {
  work: 'A. Menon, A. L. Cox, W. Zwaenepoel, “Optimizing Network Virtualization in Xen”',
  venue: 'USENIX ATC 2006',
  where:
    'abstract: guest transmit improves “by a factor of 4.4, approaching the performance of native Linux within 12%”; before: (1 − 0.12) ÷ 4.4 of native (derived)',
  url: 'http://www.govirtual.org/docs/DOC-1101',
};

const GUEST_GBPS = 2.9;
/** The 2009 testbed's segment payload at the Ethernet MTU of 1500 B (assumed). */
const SEGMENT_BYTES = 1500 - TCP_IP_HEADER_BYTES;

export const NETBACK_ROWS: readonly ValidationRow[] = [
  {
    id: 'netback-guest-throughput',
    group: 'netback',
    result: 'a guest’s throughput through netback before optimisation: 2.9 Gb/s',
    published: GUEST_GBPS,
    unit: 'Gb/s',
    source: ram,
    tolerance: { kind: 'within', pct: 25 },
    required: false,
    runs: { tcp: bulk64K('pv-tcp') },
    reading: 'payload throughput of one pair streaming 64-KiB writes over TCP',
    read: (r) => gbPerSec(r.tcp),
    mapping: 'pv-tcp stream, one pair, 64-KiB messages (netperf-like bulk TCP)',
    ifFails:
      'the vif’s per-packet costs are calibrated to the poster’s pktgen cap (416 MiB/s = 3.49 Gb/s), another benchmark and testbed',
  },
  {
    id: 'netback-dom0-per-packet',
    group: 'netback',
    result: 'driver-domain CPU per received packet at the pre-optimisation ceiling: one core ÷ packet rate',
    published: (SEGMENT_BYTES * 8 * 1e6) / (GUEST_GBPS * 1e9),
    unit: 'µs/packet',
    source: santos,
    tolerance: { kind: 'within', pct: 30 },
    required: false,
    runs: { tcp: bulk64K('pv-tcp') },
    reading: 'receiving host’s Dom0 busy time (all its vCPUs) per TCP data segment delivered',
    read: (r) => dom0UsPerSegment(r.tcp, 1),
    mapping: 'pv-tcp stream, one pair, 64-KiB messages; host 1 receives',
    ifFails: {
      above:
        'the derived figure assumes one saturated Dom0 core carrying data only; the model’s receiving Dom0 has 2 vCPUs and its busy time counts all of its work',
      below:
        'the model’s Dom0 does less per packet than the 2008 testbed’s, or Dom0 is not the model’s bottleneck',
    },
  },
  {
    id: 'netback-guest-vs-native',
    group: 'netback',
    result: 'guest transmit throughput before optimisation is about a fifth of native Linux',
    published: (1 - 0.12) / 4.4,
    unit: '× native',
    source: menon,
    tolerance: { kind: 'within', pct: 25 },
    required: false,
    runs: { tcp: bulk64K('pv-tcp'), host: bulk64K('native') },
    reading: 'pv-tcp throughput over native throughput, one pair streaming 64-KiB writes',
    read: (r) => mibPerSec(r.tcp) / mibPerSec(r.host),
    mapping: 'pv-tcp vs native, same stream',
    ifFails: {
      above:
        'the 2006 guest paid a page remapping per packet and had no offloads on its vif, on CPUs slow for its NICs; the model’s vif costs are the poster’s later grant-copy netback',
      below:
        'the model’s native reaches the 10 Gb/s wire while its vif is held by Dom0’s per-packet work; Menon’s native was CPU-bound',
    },
  },
];
