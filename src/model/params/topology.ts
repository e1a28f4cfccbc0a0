import { A, type ParamSpec } from './spec.ts';

/** Topology: hosts, domains, vCPUs and cores. */
export const TOPOLOGY_PARAMS = [
  {
    name: 'hosts',
    unit: 'hosts',
    default: 2,
    min: 2,
    max: 8,
    integer: true,
    group: 'topology',
    description: 'Hosts joined by one switch; pair i runs from host i mod N to host (i+1) mod N',
    source: 'poster: two hosts exchange RDMA writes',
  },
  {
    name: 'dom0Vcpus',
    unit: 'vCPUs',
    default: 2,
    min: 1,
    max: 4,
    integer: true,
    group: 'topology',
    description:
      'Driver domain vCPUs, each on its own core while the host has enough (hostCores); physical IRQs on vCPU0, netback and the backend on vCPU1',
    source: 'assumption: the poster pins each vCPU to a core',
  },
  {
    name: 'hostCores',
    unit: 'cores',
    default: 12,
    min: 1,
    max: 128,
    integer: true,
    group: 'topology',
    description:
      'Physical cores per host: each vCPU has its own while they suffice; beyond that vCPUs are placed round-robin and share cores, one work item at a time',
    source:
      'assumption: a dual-socket six-core Xeon X5660 (Westmere), a CPU cost-model §2 quotes; the poster says only that each vCPU gets a physical core',
  },
  {
    name: 'jitterPct',
    unit: '%',
    default: 0,
    min: 0,
    max: 50,
    group: 'topology',
    description:
      'Run-to-run variation of every CPU cost (coefficient of variation of a log-normal factor); the seed fixes the draws',
    source: 'assumption: 0 reproduces the cost table exactly',
  },
  {
    name: 'vmVcpus',
    unit: 'vCPUs',
    default: 2,
    min: 1,
    max: 4,
    integer: true,
    group: 'topology',
    description:
      "vCPUs per guest VM: the application and interrupts on vCPU0, the benchmark's progress thread on vCPU1",
    source: A,
  },
] as const satisfies readonly ParamSpec[];
