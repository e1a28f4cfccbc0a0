import type { RouteDeclaration, Stop } from './route.ts';

// The route of stubDomain.ts: the framework with backend and driver in a stub domain that polls, so
// nothing waits for Xen's scheduler.

const REQUEST: Stop[] = ['vm:app', 'vm:frontend', 'xen:evtchn', 'stubdom:backend', 'xen:iotlb'];
const TRANSMIT: Stop[] = ['stubdom:backend', 'stubdom:driver', 'nic:dma', 'net:wire'];
const RECEIVE: Stop[] = [
  'nic:dma',
  'stubdom:driver',
  'stubdom:backend',
  'xen:iotlb',
  'stubdom:copy',
  'xen:evtchn',
  'vm:frontend',
  'vm:app',
];

export const stubDomainRoute: RouteDeclaration = {
  mode: 'stub-domain',
  summary: 'What-if: backend and native driver in a small polling stub domain instead of Dom0: no wake-ups.',
  sender: [...REQUEST, ...TRANSMIT],
  receiver: [
    'net:wire',
    'nic:dma',
    'stubdom:driver',
    'stubdom:backend',
    'stubdom:copy',
    'xen:evtchn',
    'vm:frontend',
    'vm:app',
  ],
  charges: {
    write: { issuer: [...REQUEST, ...TRANSMIT], target: RECEIVE },
    read: {
      issuer: [...REQUEST, ...TRANSMIT, ...RECEIVE],
      target: ['nic:dma', 'stubdom:driver', 'stubdom:backend', 'xen:iotlb', ...TRANSMIT],
    },
  },
  arrows: { b1: ['vm:frontend', 'stubdom:backend'], c1: ['stubdom:backend', 'stubdom:driver'], d1: true },
};
