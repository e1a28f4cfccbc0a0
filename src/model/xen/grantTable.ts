import type { ModelContext } from '../context.ts';
import type { Vcpu } from './vcpu.ts';

const PAGE_BYTES = 4096;

/** Pages a buffer of `bytes` touches when it starts on a page boundary. */
export function pagesOf(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / PAGE_BYTES));
}

/**
 * GNTTABOP_copy for a batch of packets in one hypercall: Xen copies each packet between the guest's
 * granted page and the driver domain's buffer with the CPU, one copy op per page touched (a
 * packet's buffer is taken to start on a page boundary, so it never straddles one more page).
 */
export function grantCopy(
  ctx: ModelContext,
  vcpu: Vcpu,
  packetBytes: readonly number[],
  label: string,
  messageId: number,
  then: () => void,
  /** Packets in the batch: the first `count` of `packetBytes` (a caller may reuse a longer array). */
  count = packetBytes.length,
): void {
  const ns = ctx.costs.ns;
  let ops = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const b = packetBytes[i];
    ops += pagesOf(b);
    bytes += b;
  }
  ctx.counters.inc('grantCopyHypercalls');
  ctx.counters.inc('grantCopyOps', ops);
  // The largest batch so far: checks the op array's bound (netback's nbCopyOps).
  const maxOps = ctx.counters.get('grantCopyMaxOpsPerCall');
  if (ops > maxOps) ctx.counters.inc('grantCopyMaxOpsPerCall', ops - maxOps);
  ctx.counters.inc('grantCopyBytes', bytes);
  const durationNs = ns.gcHypercall + ops * ns.gcOp + ctx.costs.copyNs(bytes);
  vcpu.run('grant-copy', durationNs, `GNTTABOP_copy ${label}`, messageId, then);
}

/** Grant-maps `pages` guest pages into the driver domain in one batched call. */
export function grantMap(
  ctx: ModelContext,
  vcpu: Vcpu,
  pages: number,
  messageId: number,
  then: () => void,
): void {
  const ns = ctx.costs.ns;
  ctx.counters.inc('grantMaps');
  ctx.counters.inc('grantMappedPages', pages);
  vcpu.run(
    'grant-map',
    ns.gntMap + pages * ns.gntMapPage,
    `grant map ${pages} page(s) (register)`,
    messageId,
    then,
  );
}

/** Unmaps `pages` pages and flushes the TLBs of every driver-domain vCPU. */
export function grantUnmap(
  ctx: ModelContext,
  vcpu: Vcpu,
  pages: number,
  messageId: number,
  then: () => void,
): void {
  const ns = ctx.costs.ns;
  ctx.counters.inc('grantUnmaps');
  ctx.counters.inc('tlbFlushes');
  vcpu.run(
    'grant-unmap',
    ns.gntUnmap + pages * ns.gntUnmapPage + ns.tlbFlush,
    `grant unmap ${pages} page(s) + TLB flush`,
    messageId,
    then,
  );
}
