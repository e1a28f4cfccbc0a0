import type { RouteDeclaration, Stop } from './route.ts';

// The route of srIov.ts: the VM owns a virtual function of the NIC (a what-if of the poster): its
// user-space library posts work requests and rings the VF's doorbell itself, and polls for completions.

/** The VF library builds the work request and rings the doorbell by MMIO; the NIC DMAs the pages. */
const POST: Stop[] = ['vm:frontend', 'vm:driver', 'nic:dma', 'net:wire'];

/** With `srIovIrq`, a completion raises the VF's interrupt, which Xen injects into the guest, and wakes the application. */
const IRQ: Stop[] = ['xen:evtchn', 'vm:app'];

export const srIovRoute: RouteDeclaration = {
  mode: 'sr-iov',
  summary: 'What-if: the VM owns a NIC virtual function’s queue pair and drives it from user space.',
  sender: POST,
  receiver: ['net:wire', 'nic:dma', 'vm:frontend'],
  charges: {
    write: { issuer: [...POST, ...IRQ], target: ['nic:dma', 'vm:frontend', ...IRQ] },
    // A READ's target NIC answers by itself (its firmware), from the registered pages.
    read: { issuer: [...POST, ...IRQ], target: ['nic:dma', 'nic:backend', 'net:wire'] },
  },
  arrows: {},
};
