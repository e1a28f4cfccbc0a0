import type { RouteDeclaration, Stop } from './route.ts';

// The route of pvTcp.ts: a VM's TCP sockets over Xen's virtual Ethernet.

const SENDER: Stop[] = [
  'vm:app',
  'vm:copy',
  'vm:tcpip',
  'vm:netfront',
  'xen:evtchn',
  'xen:sched',
  'dom0:netback',
  'xen:grant',
  'dom0:bridge',
  'dom0:driver',
  'nic:dma',
  'net:wire',
];

// Both ends of the connection send (data, ACKs, a READ's request) and receive through the same
// netfront, netback, grant copy and bridge.
const END: Stop[] = SENDER;

export const pvTcpRoute: RouteDeclaration = {
  mode: 'pv-tcp',
  summary:
    'Xen virtual Ethernet: TCP/IP in the VM, netfront → event channel → netback, a grant copy, the bridge and the native driver.',
  sender: SENDER,
  receiver: [
    'net:wire',
    'nic:dma',
    'dom0:driver',
    'dom0:bridge',
    'dom0:netback',
    'xen:grant',
    'xen:evtchn',
    'xen:sched',
    'vm:netfront',
    'vm:tcpip',
    'vm:copy',
    'vm:app',
  ],
  charges: { write: { issuer: END, target: END }, read: { issuer: END, target: END } },
  arrows: {},
};
