import type { ModelContext } from '../context.ts';
import { appDomain, type Topology } from '../topology.ts';
import { markCompleted, markDelivered, sidesOf, type Message, type Side } from './message.ts';
import { TcpEndpoint, type TcpEndpointOptions } from './tcp.ts';

/**
 * RDMA WRITE and READ emulated over TCP sockets, whatever carries the segments: a WRITE is one
 * message of header + data; a READ sends a header-only request that the remote progress thread
 * answers with the data.
 */
export class TcpMessaging {
  private readonly endpoints = new Map<string, TcpEndpoint>();

  constructor(
    private readonly ctx: ModelContext,
    private readonly topology: Topology,
    private readonly options: (side: Side) => Omit<TcpEndpointOptions, 'deliver'>,
  ) {}

  endpoint(side: Side): TcpEndpoint {
    const key = `${side.host}/${side.vm}`;
    let e = this.endpoints.get(key);
    if (!e) {
      e = new TcpEndpoint(this.ctx, appDomain(this.topology, side.host, side.vm), {
        ...this.options(side),
        deliver: (m, kind) => this.deliver(m, kind),
      });
      this.endpoints.set(key, e);
    }
    return e;
  }

  issue(m: Message): void {
    const { issuer, remote } = sidesOf(m);
    const from = this.endpoint(issuer);
    from.send(from.appVcpu, m, m.op === 'write' ? 'data' : 'request', this.endpoint(remote), noop);
  }

  /** Partly received bytes left anywhere (0 at the end of a run). */
  pendingBytes(): number {
    let sum = 0;
    for (const e of this.endpoints.values()) sum += e.pendingBytes;
    return sum;
  }

  private deliver(m: Message, kind: 'data' | 'request'): void {
    const now = this.ctx.sim.now;
    if (kind === 'request') {
      const { issuer, remote } = sidesOf(m);
      const answering = this.endpoint(remote);
      answering.send(answering.readerVcpu, m, 'data', this.endpoint(issuer), noop);
    } else if (m.op === 'write') {
      markDelivered(m, now);
    } else {
      markDelivered(m, now);
      markCompleted(m, now);
    }
  }
}

/** A WRITE's data has left the issuer's buffers: the issuer may count it done. */
export function writeSent(ctx: ModelContext, m: Message, kind: 'data' | 'request' | 'ack'): void {
  if (kind === 'data' && m.op === 'write') markCompleted(m, ctx.sim.now);
}

function noop(): void {}
