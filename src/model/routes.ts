import { dom0Route, nativeRoute } from './paths/routes/hostTcp.route.ts';
import { hwOffloadRoute } from './paths/routes/hwOffload.route.ts';
import { pvTcpRoute } from './paths/routes/pvTcp.route.ts';
import type { RouteDeclaration, Role, Stop } from './paths/routes/route.ts';
import { srIovRoute } from './paths/routes/srIov.route.ts';
import { stubDomainRoute } from './paths/routes/stubDomain.route.ts';
import { zeroCopyRoute } from './paths/routes/zeroCopy.route.ts';
import type { Mode, Op, Workload } from './types.ts';

/**
 * Every mode's route, declared next to its path (src/model/paths/routes/). The diagram draws used
 * and faded boxes from these, and a test runs every mode and checks each traced span against them.
 */
export const ROUTES: Readonly<Record<Mode, RouteDeclaration>> = {
  native: nativeRoute,
  dom0: dom0Route,
  'pv-tcp': pvTcpRoute,
  'zero-copy': zeroCopyRoute,
  'hw-offload': hwOffloadRoute,
  'stub-domain': stubDomainRoute,
  'sr-iov': srIovRoute,
};

export type { ArrowName, EndStops, Place, Role, RouteDeclaration, Stop } from './paths/routes/route.ts';
export { ARROWS, splitStop } from './paths/routes/route.ts';
export type { ComponentRef, OwnerKind, SpanStop } from './paths/routes/spanStop.ts';
export { ownerKind, parseComponent, spanStop, stationOfCategory } from './paths/routes/spanStop.ts';

/** Every stop one end of an operation charges (the route's declaration, as a set). */
export function stopsOf(route: RouteDeclaration, op: Op, role: Role): ReadonlySet<Stop> {
  return new Set(route.charges[op][role]);
}

/**
 * The roles each end of a pair plays in a workload: the pair's source issues (streams, pktgen); in
 * ping-pong the destination answers every message with the next one, so each end issues in turn.
 */
export function rolesOf(workload: Workload, end: 'src' | 'dst'): readonly Role[] {
  if (workload === 'pingpong') return ['issuer', 'target'];
  return end === 'src' ? ['issuer'] : ['target'];
}

/** Every stop one end of a pair charges in a workload doing op. */
export function stopsOfEnd(
  route: RouteDeclaration,
  workload: Workload,
  op: Op,
  end: 'src' | 'dst',
): ReadonlySet<Stop> {
  const out = new Set<Stop>();
  for (const role of rolesOf(workload, end)) for (const s of stopsOf(route, op, role)) out.add(s);
  return out;
}
