import { describe, expect, it } from 'vitest';
import { cellText, columnHeader } from './ChartDataTable.tsx';

describe('the chart data table', () => {
  it('says units in words in its header', () => {
    expect(columnHeader('size_bytes')).toBe('size (bytes)');
    expect(columnHeader('t_ns')).toBe('t (ns)');
    expect(columnHeader('throughput (MiB/s)')).toBe('throughput (MiB/s)');
    expect(columnHeader('mode')).toBe('mode');
  });

  it('reads numbers to four significant digits, whole numbers as they are', () => {
    expect(cellText(65536)).toBe('65536');
    expect(cellText(12.345678)).toBe('12.35');
    expect(cellText(0.000123456)).toBe('0.0001235');
    expect(cellText(Number.NaN)).toBe('—');
    expect(cellText('pv-tcp')).toBe('pv-tcp');
  });
});
