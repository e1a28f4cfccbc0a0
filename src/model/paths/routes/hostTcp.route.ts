import type { RouteDeclaration, Stop } from './route.ts';

// The routes of hostTcp.ts: the RDMA-over-TCP benchmark in vanilla Linux and in Dom0. Both ends of
// a TCP connection send (data one way, the other way ACKs or the READ's request), so both charge the
// whole stack.

/** Socket, TCP/IP, the driver, the NIC, the wire; the scheduler wakes the reading thread. */
const LINUX: Stop[] = ['linux:app', 'linux:copy', 'linux:tcpip', 'linux:driver', 'nic:dma', 'net:wire'];

export const nativeRoute: RouteDeclaration = {
  mode: 'native',
  summary: 'Vanilla Linux: socket, TCP/IP and the NIC driver on one kernel, no hypervisor.',
  sender: LINUX,
  receiver: [...LINUX].reverse(),
  charges: {
    // The writer never sleeps on its socket; the reader (and a READ's issuer) is woken.
    write: { issuer: LINUX, target: [...LINUX, 'linux:sched'] },
    read: { issuer: [...LINUX, 'linux:sched'], target: [...LINUX, 'linux:sched'] },
  },
  arrows: {},
};

/** The same in Dom0, with the bridge in front of eth0; Xen delivers the NIC's IRQ and the wake-ups. */
const DOM0: Stop[] = [
  'dom0:app',
  'dom0:copy',
  'dom0:tcpip',
  'dom0:bridge',
  'dom0:driver',
  'nic:dma',
  'net:wire',
];
const DOM0_END: Stop[] = [...DOM0, 'xen:evtchn', 'xen:sched'];

export const dom0Route: RouteDeclaration = {
  mode: 'dom0',
  summary: 'The application runs in Dom0, the privileged guest: the native driver path under a PV kernel.',
  sender: DOM0,
  receiver: [...DOM0].reverse(),
  charges: {
    write: { issuer: DOM0_END, target: DOM0_END },
    read: { issuer: DOM0_END, target: DOM0_END },
  },
  arrows: {},
};
