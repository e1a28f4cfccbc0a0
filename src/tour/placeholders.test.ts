import { describe, expect, it } from 'vitest';
import { POSTER } from '../model/poster.ts';
import type { ChartPoint } from '../worker/sweeps.ts';
import { fillText, placeholderErrors } from './placeholders.ts';

const point = (
  mode: ChartPoint['mode'],
  sizeBytes: number,
  latencyUs: number,
  kind: ChartPoint['kind'] = 'rdma',
): ChartPoint => ({
  kind,
  mode,
  sizeBytes,
  latencyUs,
  throughputMiBps: 10 * latencyUs,
  cpuNs: { dom0: { netback: 1500, bridge: 500 }, vm: { syscall: 250 } },
});
const POINTS = [
  point('pv-tcp', 64, 76.84),
  point('zero-copy', 64, 27.81),
  point('pv-tcp', 1514, 41.1, 'pktgen'),
];
const filled = (text: string, points: readonly ChartPoint[] | null = POINTS) =>
  fillText(text, { points })
    .map((p) => p.text)
    .join('');

describe('placeholders in a tour text', () => {
  it('are filled from the sweep, with their units', () => {
    expect(filled('TCP {latency.pv-tcp.64}, framework {latency.zero-copy.64}.')).toBe(
      'TCP 76.8 µs, framework 27.8 µs.',
    );
    expect(filled('{throughput.zero-copy.64} and {pktgen.pv-tcp.1514}')).toBe('278 MiB/s and 411 MiB/s');
    expect(filled('{cpu.dom0.pv-tcp.64} / {cpu.vm.pv-tcp.64}')).toBe('2 µs / 0.25 µs');
  });

  it('divide two values into a ratio', () => {
    expect(filled('{latency.pv-tcp.64 / latency.zero-copy.64} faster')).toBe('2.76× faster');
  });

  it("quote the poster's own values as the poster's", () => {
    expect(filled('{poster.latency.pv-tcp}, {poster.vifCap}')).toBe(
      `${POSTER.latencyUs['pv-tcp']} µs, ${POSTER.vifCapMiBps} MiB/s`,
    );
  });

  it('wait for the sweep, and say which value is missing instead of inventing one', () => {
    const pending = fillText('{latency.pv-tcp.64}', { points: null })[0];
    expect(pending).toMatchObject({ state: 'pending', text: '…' });
    const [noSize] = fillText('{latency.pv-tcp.4K}', { points: POINTS });
    expect(noSize).toMatchObject({ state: 'error', source: 'latency.pv-tcp.4K' });
    expect(noSize.text).toMatch(/no 4096-byte point/);
    const [noMode] = fillText('{latency.sr-iov.64}', { points: POINTS });
    expect(noMode.text).toMatch(/choose sr-iov in this step's scene/);
  });

  it('that do not parse are named', () => {
    expect(placeholderErrors('{latency.warp.64} {speed.pv-tcp.64} {a/b/c} {latency.pv-tcp.64}')).toHaveLength(
      3,
    );
    expect(placeholderErrors('{poster.latency.native}')[0]).toMatch(
      /poster states a latency for pv-tcp, zero-copy/,
    );
  });
});
