import { Link } from '../engine/link.ts';
import type { ModelContext } from './context.ts';
import { NicDriver } from './hw/driver.ts';
import { Nic } from './hw/nic.ts';
import { MODE_DESCRIPTORS } from './modes.ts';
import type { Mode } from './types.ts';
import { placeOnCores } from './xen/core.ts';
import { Iotlb } from './xen/iotlb.ts';
import { Domain, type Vcpu } from './xen/vcpu.ts';

/** One physical host: its domains, its NIC and the native driver that owns the NIC. */
export interface Host {
  readonly index: number;
  /** Vanilla Linux (mode `native`), or null. */
  readonly linux: Domain | null;
  /** The privileged guest, present on every Xen host. */
  readonly dom0: Domain | null;
  /** A small driver domain that polls (mode `stub-domain`), or null. */
  readonly stubdom: Domain | null;
  readonly vms: Domain[];
  readonly nic: Nic;
  readonly driver: NicDriver;
  /** The backend's registration cache (per VM budgets). */
  readonly iotlb: Iotlb;
  readonly uplink: Link;
}

/** A VM pair: the issuing side on `srcHost`, the remote side on `dstHost`. */
export interface Pair {
  readonly index: number;
  readonly srcHost: number;
  readonly dstHost: number;
  /** Index of the pair's VM on each of its hosts. */
  readonly srcVm: number;
  readonly dstVm: number;
}

export interface Topology {
  readonly hosts: Host[];
  readonly pairs: Pair[];
}

/** Which hosts each pair joins: with two hosts, every pair sends from host 0 to host 1. */
export function placePairs(pairCount: number, hostCount: number): Pair[] {
  const vmsOnHost = new Array<number>(hostCount).fill(0);
  return Array.from({ length: pairCount }, (_, index) => {
    const srcHost = (2 * index) % hostCount;
    const dstHost = (srcHost + 1) % hostCount;
    return { index, srcHost, dstHost, srcVm: vmsOnHost[srcHost]++, dstVm: vmsOnHost[dstHost]++ };
  });
}

export function buildTopology(ctx: ModelContext, mode: Mode, pairCount: number): Topology {
  const p = ctx.costs.p;
  const pairs = placePairs(pairCount, p.hosts);
  const hosts: Host[] = [];
  // The NICs a NIC sends to, by host: one array, read for every frame (not rebuilt each time).
  const nics: Nic[] = [];
  const { domains, hasVms } = MODE_DESCRIPTORS[mode];
  for (let h = 0; h < p.hosts; h++) {
    const linux = domains.includes('linux') ? new Domain(ctx, h, 'linux', 'linux', p.vmVcpus, false) : null;
    const dom0 = domains.includes('dom0') ? new Domain(ctx, h, 'dom0', 'dom0', p.dom0Vcpus, true) : null;
    const stubdom = domains.includes('stubdom') ? new Domain(ctx, h, 'stubdom', 'stubdom', 1, true) : null;
    if (stubdom) stubdom.vcpus[0].polling = true;
    const vmCount = hasVms ? pairs.filter((x) => x.srcHost === h || x.dstHost === h).length : 0;
    const vms = Array.from(
      { length: vmCount },
      (_, i) => new Domain(ctx, h, `vm${i}`, 'vm', p.vmVcpus, true),
    );
    const uplink = new Link(ctx.sim, `h${h}/wire`, p.linkGbps * 1e9, ctx.costs.ns.prop);
    const nic = new Nic(ctx, h, uplink, () => nics);
    nics.push(nic);
    const driverVcpu: Vcpu = (stubdom ?? dom0 ?? linux)!.vcpus[0];
    const driver = new NicDriver(ctx, nic, driverVcpu, stubdom ? 'poll' : 'irq');
    const iotlb = new Iotlb(ctx, h, p.iotlbPagesPerVm, p.iotlbCache === 1);
    const domainsHere = [linux, dom0, stubdom, ...vms].flatMap((d) => (d ? [d] : []));
    placeOnCores(
      `h${h}`,
      domainsHere.flatMap((d) => d.vcpus),
      p.hostCores,
    );
    hosts.push({ index: h, linux, dom0, stubdom, vms, nic, driver, iotlb, uplink });
  }
  return { hosts, pairs };
}

/** The domain an application of pair `pair` runs in on `host` (a VM, or Dom0 / Linux). */
export function appDomain(topology: Topology, host: number, vm: number): Domain {
  const h = topology.hosts[host];
  return h.vms[vm] ?? h.dom0 ?? h.linux!;
}

/** Every vCPU of the topology. */
export function allVcpus(topology: Topology): Vcpu[] {
  return topology.hosts.flatMap((h) =>
    [h.linux, h.dom0, h.stubdom, ...h.vms].flatMap((d) => (d ? d.vcpus : [])),
  );
}
