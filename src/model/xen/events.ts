import type { ModelContext } from '../context.ts';
import type { Vcpu } from './vcpu.ts';

/**
 * Xen delivers an event (a virtual interrupt) to a vCPU, then `handler` runs there.
 * A blocked vCPU must be scheduled back in (latency + CPU), a running one takes an upcall, and a
 * polling loop simply notices. Native cores have no hypervisor in the way: the handler runs at once.
 */
export function deliverEvent(
  ctx: ModelContext,
  target: Vcpu,
  messageId: number,
  label: string,
  handler: () => void,
): void {
  const ns = ctx.costs.ns;
  // Labels show only in a trace: without one, no label string is built per event.
  const tracing = ctx.sim.trace.active;
  if (!target.domain.pv) {
    handler();
  } else if (target.polling) {
    ctx.counters.inc('pollDetections');
    target.run('poll', ns.poll, tracing ? `${label}: poll loop notices` : label, messageId, handler);
  } else if (target.blocked) {
    ctx.counters.inc('vcpuWakeups');
    target.runAfterStall(
      'wakeup',
      ns.vcpuWake - ns.vcpuWakeCpu,
      ns.vcpuWakeCpu,
      tracing ? `${label}: wake blocked vCPU` : label,
      messageId,
      handler,
    );
  } else {
    ctx.counters.inc('upcalls');
    target.run('events', ns.upcall, tracing ? `${label}: upcall` : label, messageId, handler);
  }
}

/**
 * Wakes a blocked thread that will run on `to`, from code running on `from`. On the same vCPU
 * this is a wake-up and a context switch; across vCPUs of a PV domain the IPI is an event channel
 * (a hypercall, then event delivery); natively it is an inter-processor interrupt.
 */
export function wakeThread(
  ctx: ModelContext,
  from: Vcpu | null,
  to: Vcpu,
  label: string,
  messageId: number,
  then: () => void,
): void {
  const ns = ctx.costs.ns;
  const tracing = ctx.sim.trace.active;
  ctx.counters.inc('threadWakeups');
  const switchIn = () =>
    to.runAfterStall(
      'wakeup',
      ns.wakeThread - ns.wakeThreadCpu,
      ns.wakeThreadCpu,
      tracing ? `wake ${label}` : label,
      messageId,
      then,
    );
  if (from === null || from === to) {
    switchIn();
  } else if (to.domain.pv) {
    from.run('hypercall', ns.hcall, tracing ? `IPI to ${label} (EVTCHNOP_send)` : label, messageId, () =>
      deliverEvent(ctx, to, messageId, tracing ? `IPI to ${label}` : label, switchIn),
    );
  } else {
    from.run('wakeup', ns.ipi, tracing ? `IPI to ${label}` : label, messageId, switchIn);
  }
}
