import { describe, expect, it } from 'vitest';
import { createActions } from './actions.ts';
import { createAppStore } from './appStore.ts';

describe('store actions', () => {
  it('switching to a mode without pktgen leaves pktgen for streaming', () => {
    const store = createAppStore();
    const a = createActions(store);
    a.setWorkload('pktgen');
    expect(store.getState().settings).toMatchObject({ workload: 'pktgen', mode: 'pv-tcp', sizeBytes: 64 });
    a.setMode('zero-copy');
    expect(store.getState().settings).toMatchObject({ workload: 'stream', mode: 'zero-copy' });
  });

  it('a constant set to its default is no longer a change', () => {
    const store = createAppStore();
    const a = createActions(store);
    a.setParam('coalUs', 10, 2);
    expect(store.getState().settings.params).toEqual({ coalUs: 10 });
    a.setParam('coalUs', 2, 2);
    expect(store.getState().settings.params).toEqual({});
  });

  it('speed stays within its range on the log scale', () => {
    const store = createAppStore();
    const a = createActions(store);
    for (let i = 0; i < 60; i++) a.nudgeSpeed(1);
    expect(store.getState().settings.speedNsPerSec).toBe(100_000_000);
    for (let i = 0; i < 60; i++) a.nudgeSpeed(-1);
    expect(store.getState().settings.speedNsPerSec).toBe(100);
  });
});
