import { describe, expect, it } from 'vitest';
import { Counters } from '../context.ts';

describe('a run’s named counters', () => {
  it('a counter kept by a part of the model stays out of the results until it is counted', () => {
    const c = new Counters();
    const frames = c.counter('frames');
    c.counter('rxDrops'); // kept, never counted
    expect(c.toRecord()).toEqual({});
    frames.inc();
    frames.inc(3);
    expect(c.toRecord()).toEqual({ frames: 4 });
    expect(c.get('rxDrops')).toBe(0);
  });

  it('counted by 0 it is in the results, as a first count by name made it', () => {
    const c = new Counters();
    c.counter('grantCopyOps').inc(0);
    c.inc('tcpAcks', 0);
    expect(c.toRecord()).toEqual({ grantCopyOps: 0, tcpAcks: 0 });
  });

  it('by name and by the kept counter, one count: the same cell, results sorted by name', () => {
    const c = new Counters();
    const interrupts = c.counter('interrupts');
    c.inc('interrupts');
    interrupts.inc(2);
    c.inc('frames');
    expect(c.get('interrupts')).toBe(3);
    expect(Object.keys(c.toRecord())).toEqual(['frames', 'interrupts']);
  });
});
