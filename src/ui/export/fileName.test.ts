import { describe, expect, it } from 'vitest';
import { exportFileName, sizeToken } from './fileName.ts';

const s = { mode: 'pv-tcp' as const, sizeBytes: 64, seed: 1 };

describe('export file names', () => {
  it('say the figure, mode, size and seed', () => {
    expect(exportFileName('cpu', s, 'png')).toBe('xen-hpc-io-cpu-pv-tcp-64B-seed1.png');
    expect(exportFileName('cpu-bars', { ...s, mode: 'zero-copy', sizeBytes: 4 << 20 }, 'csv')).toBe(
      'xen-hpc-io-cpu-bars-zero-copy-4MiB-seed1.csv',
    );
  });

  it('add the simulated time of a still picture, in whole ns', () => {
    expect(exportFileName('diagram', { ...s, seed: 42 }, 'svg', 190_000.4)).toBe(
      'xen-hpc-io-diagram-pv-tcp-64B-seed42-t190000ns.svg',
    );
  });

  it('keep only letters, digits and dashes in the figure part', () => {
    expect(exportFileName('CPU / Totals!', s, 'png')).toBe('xen-hpc-io-cpu-totals-pv-tcp-64B-seed1.png');
    expect(exportFileName('///', s, 'png')).toBe('xen-hpc-io-figure-pv-tcp-64B-seed1.png');
  });

  it('write sizes in whole binary units, else in bytes', () => {
    expect(sizeToken(64)).toBe('64B');
    expect(sizeToken(1024)).toBe('1KiB');
    expect(sizeToken(65536)).toBe('64KiB');
    expect(sizeToken(1 << 20)).toBe('1MiB');
    expect(sizeToken(1500)).toBe('1500B');
    expect(sizeToken(1536)).toBe('1536B');
    expect(sizeToken(Number.NaN)).toBe('size');
  });
});
