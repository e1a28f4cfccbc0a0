import { ZeroCopyPath } from './zeroCopy.ts';

/**
 * What-if (poster: "decoupling HPC from the privileged guest"): the framework's backend and the
 * native driver run in a small stub domain with one vCPU that polls. The data path is the zero-copy
 * one; what changes is where it runs: the topology gives each host a polling stub domain, which
 * ZeroCopyPath then uses for requests and for the NIC, so neither the frontend's event nor a
 * received frame has to wake a blocked vCPU or take a physical interrupt (a whole core is spent
 * polling instead).
 */
export class StubDomainPath extends ZeroCopyPath {}
