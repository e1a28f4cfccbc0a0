import { describe, expect, it } from 'vitest';
import { createSweepClient, poolSizeFor } from './sweepClient.ts';
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

describe('the charts’ sweep client', () => {
  it('has one worker per core, at least two', () => {
    expect(poolSizeFor(undefined)).toBe(2);
    expect(poolSizeFor(1)).toBe(2);
    expect(poolSizeFor(8)).toBe(8);
  });

  it('runs sweeps on the page where no worker starts, and the newest request wins', async () => {
    // Node has no Worker: the client must fall back rather than fail.
    const client = createSweepClient();
    expect(client.inThread).toBe(true);
    const results: { tag: string; points: ChartPoint[] }[] = [];
    const progress: number[] = [];
    const done = new Promise<void>((resolve, reject) => {
      client.request(request, {
        onProgress: () => {},
        onPartial: () => {},
        onResult: (points) => results.push({ tag: 'first', points }),
        onError: reject,
      });
      client.request(
        { ...request, sizes: [4096] },
        {
          onProgress: (n) => progress.push(n),
          onPartial: () => {},
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
    expect(progress.at(-1)).toBe(3 + 18); // three figure runs at one size, then pktgen's
    client.dispose();
  }, 60_000);
});
