import { describe, expect, it } from 'vitest';
import { SweepClient } from './sweepClient.ts';
import type { ChartPoint } from './sweeps.ts';

const request = {
  modes: ['zero-copy' as const],
  op: 'write' as const,
  pairs: 1,
  window: 2,
  seed: 1,
  params: {},
  sizes: [64],
};

describe('SweepClient without a worker', () => {
  it('runs sweeps on the page instead, and the newest request wins', async () => {
    // Node has no Worker: the client must fall back rather than fail.
    const client = new SweepClient();
    expect(client.inThread).toBe(true);
    const results: { tag: string; points: ChartPoint[] }[] = [];
    const progress: number[] = [];
    const done = new Promise<void>((resolve, reject) => {
      client.request(request, {
        onProgress: () => {},
        onResult: (points) => results.push({ tag: 'first', points }),
        onError: reject,
      });
      client.request(
        { ...request, sizes: [4096] },
        {
          onProgress: (n) => progress.push(n),
          onResult: (points) => {
            results.push({ tag: 'second', points });
            resolve();
          },
          onError: reject,
        },
      );
    });
    await done;
    expect(results.map((r) => r.tag)).toEqual(['second']);
    expect(results[0].points.find((p) => p.kind === 'rdma')!.sizeBytes).toBe(4096);
    expect(progress.at(-1)).toBe(results[0].points.length);
    client.dispose();
  });
});
