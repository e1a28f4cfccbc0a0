import fc from 'fast-check';
import pkg from '../../../package.json';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../store/settings.ts';
import { APP_ID } from './appInfo.ts';
import { abCaptionText, captionText, changedParams, scenarioText, wrapCaption } from './caption.ts';

const tcp: Settings = { ...DEFAULT_SETTINGS, mode: 'pv-tcp', sizeBytes: 65536, vms: 4, seed: 7 };

describe('caption', () => {
  it('names the app and version from package.json', () => {
    expect(APP_ID).toBe(`${pkg.name} ${pkg.version}`);
    expect(APP_ID).toMatch(/^xen-hpc-io-sim \d+\.\d+\.\d+/);
  });

  it('states the scenario: path, operation, workload, size, VMs, window', () => {
    expect(scenarioText(tcp)).toBe(
      'VM · TCP (pv-tcp), RDMA WRITE, ping-pong, 64 KiB, 4 VMs per host, window 8',
    );
    expect(scenarioText({ ...tcp, mode: 'native', op: 'read', workload: 'stream', sizeBytes: 64 })).toBe(
      'Linux (native), RDMA READ, stream, 64 B, no VMs, window 8',
    );
  });

  it('side by side: A on the left with its seed, then B’s whole caption', () => {
    const b: Settings = { ...tcp, mode: 'zero-copy', seed: 1 };
    expect(abCaptionText(tcp, b, { nowNs: 190_000 })).toBe(
      `A (left): ${scenarioText(tcp)}, seed 7 · B (right): ${captionText(b, { nowNs: 190_000 })}`,
    );
  });

  it('adds the seed, the changed constants, the simulated time and the app', () => {
    const text = captionText({ ...tcp, params: { coalUs: 10, linkGbps: 10 } }, { nowNs: 190_000 });
    expect(text).toBe(
      `VM · TCP (pv-tcp), RDMA WRITE, ping-pong, 64 KiB, 4 VMs per host, window 8 · seed 7 · changed: coalUs=10 · t = 190.000 µs simulated · ${APP_ID}`,
    );
    expect(captionText(tcp)).toContain('· seed 7 · default constants · ');
  });

  it('lists only constants that differ from their defaults, in the schema order', () => {
    expect(changedParams({ params: { coalUs: 10, linkGbps: 40 } })).toEqual([
      ['linkGbps', 40],
      ['coalUs', 10],
    ]);
    expect(changedParams({ params: { linkGbps: 10 } })).toEqual([]);
  });

  it('wraps to lines within the limit, losing no word', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9=·,]{1,30}$/), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 8, max: 120 }),
        (words, limit) => {
          const text = words.join(' ');
          const lines = wrapCaption(text, limit);
          for (const l of lines) expect(l.length).toBeLessThanOrEqual(limit);
          const kept = (s: string) => s.replace(/[\s·]/g, '');
          expect(kept(lines.join(''))).toBe(kept(text));
        },
      ),
    );
  });

  it('never starts or ends a line with the separator', () => {
    const lines = wrapCaption(captionText(tcp), 30);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l).not.toMatch(/^·|·$/);
  });
});
