import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../store/settings.ts';
import type { TourStep } from './format.ts';
import { highlightedBoxIds, resolveScenes } from './scene.ts';

const step = (scene: TourStep['scene']): TourStep => ({ title: 't', text: 'x', scene });

describe('step → scene', () => {
  it('starts from the defaults and carries settings and the tab over, not the moment or highlights', () => {
    const scenes = resolveScenes([
      step({
        mode: 'zero-copy',
        sizeBytes: 4096,
        tab: 'throughput',
        message: 3,
        pauseAt: { us: 50 },
        play: true,
        highlight: ['dom0/backend'],
      }),
      step({ op: 'read' }),
    ]);
    expect(scenes[0].settings).toEqual({ ...DEFAULT_SETTINGS, mode: 'zero-copy', sizeBytes: 4096 });
    expect(scenes[0]).toMatchObject({
      tab: 'throughput',
      message: 3,
      pauseAt: { us: 50 },
      play: true,
      highlight: ['dom0/backend'],
    });
    expect(scenes[1].settings).toEqual({
      ...DEFAULT_SETTINGS,
      mode: 'zero-copy',
      sizeBytes: 4096,
      op: 'read',
    });
    expect(scenes[1]).toMatchObject({
      tab: 'throughput',
      message: null,
      pauseAt: null,
      play: false,
      highlight: [],
    });
  });

  it('opens the journey for a selected message unless the step names another tab', () => {
    const [a, b] = resolveScenes([step({ tab: 'cpu' }), step({ message: 2 })]);
    expect(a.tab).toBe('cpu');
    expect(b.tab).toBe('journey');
    expect(resolveScenes([step({ message: 2, tab: 'latency' })])[0].tab).toBe('latency');
  });

  it('params replace the constants, {} goes back to the defaults; speed is given in µs per second', () => {
    const [a, b, c] = resolveScenes([
      step({ params: { coalUs: 10 }, speedUsPerSec: 200 }),
      step({}),
      step({ params: {} }),
    ]);
    expect(a.settings.params).toEqual({ coalUs: 10 });
    expect(a.settings.speedNsPerSec).toBe(200_000);
    expect(b.settings.params).toEqual({ coalUs: 10 });
    expect(c.settings.params).toEqual({});
  });

  it('is a function of the tour alone: the same steps give the same scenes', () => {
    const steps = [step({ mode: 'sr-iov' }), step({ sizeBytes: 1024, message: 1 })];
    expect(resolveScenes(steps)).toEqual(resolveScenes(steps));
  });

  it('a highlight without a host names the box on every host', () => {
    const ids = ['h0/dom0/netback', 'h1/dom0/netback', 'h0/dom0', 'switch'];
    expect(highlightedBoxIds(['dom0/netback'], ids)).toEqual(['h0/dom0/netback', 'h1/dom0/netback']);
    expect(highlightedBoxIds(['h1/dom0/netback', 'switch'], ids)).toEqual(['h1/dom0/netback', 'switch']);
    expect(highlightedBoxIds(['dom0'], ids)).toEqual(['h0/dom0']);
  });
});
