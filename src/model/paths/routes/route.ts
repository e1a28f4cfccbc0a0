import type { DomainKind, Station } from '../../categories.ts';
import type { Mode } from '../../types.ts';

/** Where a station lives on a host: a domain of some kind, the hypervisor, the NIC, or the network. */
export type Place = DomainKind | 'xen' | 'nic' | 'net';

/** A station at a place, written `place:station` (e.g. `dom0:netback`); the compiler checks both halves. */
export type Stop = `${Place}:${Station}`;

/** The two ends of one RDMA operation: the application that issues it, and the remote one. */
export type Role = 'issuer' | 'target';

/** The poster's named arrows: b₁ frontend → backend over the event channel, c₁ backend → native driver, d₁ DMA from application pages. */
export type ArrowName = 'b1' | 'c1' | 'd1';

/** The stops each end of one operation charges. */
export interface EndStops {
  readonly issuer: readonly Stop[];
  readonly target: readonly Stop[];
}

/**
 * A mode's route, in the words of its path: the stations it charges, as `place:station` stops. Pure
 * data, read by the diagram and checked against the traces of every workload (test/routes.test.ts):
 * every span must land on a stop its end declares, and every declared stop must be charged.
 */
export interface RouteDeclaration {
  readonly mode: Mode;
  /** One line for people. */
  readonly summary: string;
  /** The data's way through the host that sends it, in the order the path charges it (drawn as the route). */
  readonly sender: readonly Stop[];
  /** The data's way through the host that receives it, in order (drawn as the route). */
  readonly receiver: readonly Stop[];
  /**
   * Every stop each end of an operation charges. WRITE: the issuer sends the data and learns it has
   * left; the target receives it. READ: the issuer sends a request and receives the data; the target
   * takes the request and sends the data back. Both include wake-ups, interrupts and what flows back.
   */
  readonly charges: { readonly write: EndStops; readonly read: EndStops };
  /** The poster's arrows this mode has: b₁ and c₁ as the sender's hops from → to, d₁ when the NIC reads the application's pages. */
  readonly arrows: {
    readonly b1?: readonly [Stop, Stop];
    readonly c1?: readonly [Stop, Stop];
    readonly d1?: boolean;
  };
}

/** The poster's arrows, in its words. */
export const ARROWS: Readonly<Record<ArrowName, { label: string; short: string; description: string }>> = {
  b1: {
    label: 'b₁ event channel',
    short: 'b₁',
    description: 'b₁: the frontend passes the request to the backend over the event channel',
  },
  c1: { label: 'c₁ driver call', short: 'c₁', description: 'c₁: the backend asks the native driver to send' },
  d1: {
    label: 'd₁ DMA from app pages',
    short: 'd₁',
    description: 'd₁: the NIC DMAs straight from the application’s pages',
  },
};

/** The place and station of a stop. */
export function splitStop(stop: Stop): { place: Place; station: Station } {
  const i = stop.indexOf(':');
  return { place: stop.slice(0, i) as Place, station: stop.slice(i + 1) as Station };
}
