import { describe, expect, it, vi } from 'vitest';
import { EventBudgetExceeded, ScenarioInvalid } from '../model/run.ts';
import type { SweepRequest } from './sweeps.ts';

// A point past the event budget takes 50 M events to reach; the run is replaced by its outcome.
const outcome = vi.hoisted(() => ({ error: null as Error | null }));
vi.mock('./sweepTasks.ts', async (original) => ({
  ...(await original<typeof import('./sweepTasks.ts')>()),
  runTask: () => {
    if (outcome.error) throw outcome.error;
    return 42;
  },
}));
const { budgetMessage, handleTask } = await import('./taskHandler.ts');

const REQUEST: SweepRequest = {
  modes: ['pv-tcp', 'zero-copy'],
  op: 'write',
  pairs: 16,
  window: 256,
  seed: 1,
  params: {},
};
const task = (figure: 'latency' | 'throughput' | 'cpu', sizeBytes = 4194304) => ({
  index: 7,
  figure,
  mode: 'pv-tcp' as const,
  sizeBytes,
  stage: 1 as const,
  cost: 1,
});

describe('a sweep task that cannot be run', () => {
  it('past the event budget: names the point and the settings that shorten it, not "fewer messages"', () => {
    outcome.error = new EventBudgetExceeded();
    const m = handleTask({ kind: 'task', id: 3, request: REQUEST, task: task('throughput') });
    expect(m).toMatchObject({ kind: 'failed', id: 3, index: 7 });
    const message = m.kind === 'failed' ? m.message : '';
    expect(message).toBe(budgetMessage(REQUEST, task('throughput')));
    expect(message).toContain('the throughput run of VM · TCP at 4 MiB');
    expect(message).toContain('16 VM pairs, 256 messages in flight each');
    expect(message).toContain('50,000,000 events');
    expect(message).toContain('lower the window or the VMs per host');
    expect(message).not.toContain('fewer messages');
  });

  it('ping-pong has no window to lower: only the VMs per host are named', () => {
    const message = budgetMessage(REQUEST, task('latency', 1048576));
    expect(message).toContain('the latency run of VM · TCP at 1 MiB (16 VM pairs)');
    expect(message).toContain('lower the VMs per host');
    expect(message).not.toContain('window');
  });

  it('any other refusal keeps the model’s own words', () => {
    outcome.error = new ScenarioInvalid([{ field: 'sizeBytes', message: 'size must be at least 1 B' }]);
    const m = handleTask({ kind: 'task', id: 4, request: REQUEST, task: task('cpu') });
    expect(m).toMatchObject({ kind: 'failed', message: 'size must be at least 1 B' });
  });

  it('a run that ends returns its value', () => {
    outcome.error = null;
    expect(handleTask({ kind: 'task', id: 5, request: REQUEST, task: task('latency') })).toEqual({
      kind: 'done',
      id: 5,
      index: 7,
      value: 42,
    });
  });
});
