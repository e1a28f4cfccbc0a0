/**
 * The parameter schema: every model constant with its unit, default, allowed range and source.
 * The controls, the command line and docs/model.md all read this table; nothing else holds a default.
 * Defaults are calibration A of the cost model (reference: cost-model.md §2 and §4).
 */
import type { ParamSpec } from './params/spec.ts';
import { TOPOLOGY_PARAMS } from './params/topology.ts';
import { NIC_PARAMS } from './params/nic.ts';
import { XEN_PARAMS } from './params/xen.ts';
import { TCP_PARAMS } from './params/tcp.ts';
import { DOM0_PARAMS } from './params/dom0.ts';
import { FRAMEWORK_PARAMS } from './params/framework.ts';

export type { ParamGroup, ParamSpec } from './params/spec.ts';

/** Every parameter, in the order the controls and docs list them (one file per group under params/). */
export const PARAMS = [
  ...TOPOLOGY_PARAMS,
  ...NIC_PARAMS,
  ...XEN_PARAMS,
  ...TCP_PARAMS,
  ...DOM0_PARAMS,
  ...FRAMEWORK_PARAMS,
] as const satisfies readonly ParamSpec[];

export type ParamName = (typeof PARAMS)[number]['name'];
export type Params = Record<ParamName, number>;

export const PARAM_BY_NAME: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.name, p]));

export function defaultParams(): Params {
  return Object.fromEntries(PARAMS.map((p) => [p.name, p.default])) as Params;
}

/**
 * Named alternative calibrations, as changes to the defaults. B honours the Xen2MX anchor of a
 * 15.5 µs bridged-PV overhead per one-way: cheap hand-offs, dearer PV-kernel TCP (cost-model §4.2).
 */
export const CALIBRATIONS: Record<string, { description: string; params: Partial<Params> }> = {
  A: { description: 'hand-off costs dominate (defaults)', params: {} },
  B: {
    description:
      'cheap vCPU and thread wake-ups, PV-kernel TCP at 2× native, header and payload in two send()s, coalescing 8.2 µs',
    params: {
      vcpuWakeUs: 2,
      vcpuWakeCpuUs: 1.5,
      wakeThreadUs: 2,
      wakeThreadCpuUs: 1.5,
      coalUs: 8.2,
      pvTcpFactor: 2,
      tcpSendCalls: 2,
    },
  },
};
