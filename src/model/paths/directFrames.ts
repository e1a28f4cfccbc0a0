import type { ModelContext } from '../context.ts';
import type { Frame } from '../hw/frame.ts';
import type { Topology } from '../topology.ts';
import type { Message, Side } from './message.ts';

/**
 * Frames a NIC sends on its own (offloaded protocol, SR-IOV): posted one by one, each started as soon
 * as it has a slot; the far NIC handles them without a driver (`direct`). `onLastTxDone` runs when
 * the NIC has read the last one (only for the data of a WRITE, whose issuer then completes).
 */
export function postDirectFrames(
  ctx: ModelContext,
  topology: Topology,
  m: Message,
  from: Side,
  to: Side,
  parts: readonly number[],
  onReceive: () => void,
  onLastTxDone: (() => void) | null,
): void {
  const nic = topology.hosts[from.host].nic;
  const post = (i: number) => {
    if (i === parts.length) return;
    const last = i === parts.length - 1;
    const frame: Frame = {
      messageId: m.id,
      srcHost: from.host,
      dstHost: to.host,
      payloadBytes: parts[i],
      headerBytes: ctx.costs.p.hdrBytes,
      last,
      rx: 'direct',
      onReceive,
      onTxDone: last && onLastTxDone ? onLastTxDone : undefined,
      txDoneDirect: true,
    };
    nic.post(frame, () => {
      nic.doorbell();
      post(i + 1);
    });
  };
  post(0);
}
