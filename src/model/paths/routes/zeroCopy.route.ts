import type { RouteDeclaration, Stop } from './route.ts';

// The route of zeroCopy.ts: the poster's framework, backend and driver in Dom0.

/** The issuer's request: ioctl, the frontend's ring and event (b₁), Dom0 woken, the backend and its IOTLB. */
const REQUEST: Stop[] = ['vm:app', 'vm:frontend', 'xen:evtchn', 'xen:sched', 'dom0:backend', 'xen:iotlb'];
/** The backend frames the pages (c₁), the driver posts them, the NIC DMAs them (d₁) onto the wire. */
const TRANSMIT: Stop[] = ['dom0:backend', 'dom0:driver', 'nic:dma', 'net:wire'];
/** The NIC's IRQ wakes Dom0, the backend places the payload into the registered pages and tells the frontend. */
const RECEIVE: Stop[] = [
  'nic:dma',
  'dom0:driver',
  'xen:sched',
  'dom0:backend',
  'xen:iotlb',
  'dom0:copy',
  'xen:evtchn',
  'vm:frontend',
  'vm:app',
];

export const zeroCopyRoute: RouteDeclaration = {
  mode: 'zero-copy',
  summary:
    'The HPC I/O split driver: frontend → event channel (b₁) → backend + IOTLB → driver (c₁), and the NIC DMAs from application pages (d₁).',
  sender: [...REQUEST, ...TRANSMIT],
  receiver: [
    'net:wire',
    'nic:dma',
    'dom0:driver',
    'dom0:backend',
    'dom0:copy',
    'xen:evtchn',
    'vm:frontend',
    'vm:app',
  ],
  charges: {
    // A WRITE completes when the TX completion is reaped and the frontend told (event, in REQUEST's stops).
    write: { issuer: [...REQUEST, ...TRANSMIT], target: RECEIVE },
    // A READ's target answers from its registered pages: the remote guest takes no part.
    read: {
      issuer: [...REQUEST, ...TRANSMIT, ...RECEIVE],
      target: ['nic:dma', 'dom0:driver', 'xen:sched', 'dom0:backend', 'xen:iotlb', ...TRANSMIT],
    },
  },
  arrows: { b1: ['vm:frontend', 'dom0:backend'], c1: ['dom0:backend', 'dom0:driver'], d1: true },
};
