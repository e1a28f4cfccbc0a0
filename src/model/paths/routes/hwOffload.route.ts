import type { RouteDeclaration, Stop } from './route.ts';

// The route of hwOffload.ts: the backend's protocol on the NIC (a what-if of the poster). Dom0 only
// forwards the frontend's doorbell and maps buffers on an IOTLB miss.

/** ioctl, the frontend's event (b₁), Dom0 woken, the backend forwards the doorbell through the driver, the NIC firmware takes over. */
const REQUEST: Stop[] = [
  'vm:app',
  'vm:frontend',
  'xen:evtchn',
  'xen:sched',
  'dom0:backend',
  'dom0:driver',
  'nic:backend',
  'xen:iotlb',
];
const TRANSMIT: Stop[] = ['nic:dma', 'net:wire'];
/** The NIC places the data into the registered pages and raises the frontend's event itself. */
const RECEIVE: Stop[] = ['nic:dma', 'nic:backend', 'xen:iotlb', 'xen:evtchn', 'vm:frontend', 'vm:app'];

export const hwOffloadRoute: RouteDeclaration = {
  mode: 'hw-offload',
  summary:
    'What-if: the backend’s thin protocol runs on the NIC; Dom0 only forwards the doorbell and registers buffers.',
  sender: [
    'vm:app',
    'vm:frontend',
    'xen:evtchn',
    'xen:sched',
    'dom0:backend',
    'dom0:driver',
    'nic:backend',
    'nic:dma',
    'net:wire',
  ],
  receiver: ['net:wire', 'nic:dma', 'nic:backend', 'xen:evtchn', 'vm:frontend', 'vm:app'],
  charges: {
    write: { issuer: [...REQUEST, ...TRANSMIT], target: RECEIVE },
    // A READ's target NIC answers from the registered pages: neither its guest nor its Dom0 takes part.
    read: {
      issuer: [...REQUEST, ...TRANSMIT, ...RECEIVE],
      target: ['nic:dma', 'nic:backend', 'xen:iotlb', ...TRANSMIT],
    },
  },
  arrows: { b1: ['vm:frontend', 'dom0:backend'], d1: true },
};
