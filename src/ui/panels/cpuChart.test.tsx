import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MODE_DESCRIPTORS } from '../../model/modes.ts';
import { DEFAULT_SETTINGS } from '../../store/settings.ts';
import { sweepRequestOf } from '../../store/sweepSync.ts';
import { sweepPoint, type ChartPoint } from '../../worker/sweeps.ts';
import { cpuBarsAt, cpuTotals } from './chartData.ts';
import { CpuChart } from './sweepCharts.tsx';

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The sweep's own points (the model's figure runs) for the poster's two paths at 64 B and 1 MiB. */
const SIZES = [64, 1 << 20];
const request = { ...sweepRequestOf({ ...DEFAULT_SETTINGS, mode: 'pv-tcp' }), sizes: SIZES };
const points: ChartPoint[] = Array.from({ length: 4 }, (_, i) => sweepPoint(request, i));

describe('the CPU tab over the sweep’s points', () => {
  it('at 64 B, the bars of both domains and both paths are visibly long at 1366 × 768’s panel size', () => {
    const html = renderToStaticMarkup(
      <CpuChart width={540} height={570} points={points} sizeBytes={64} stale={false} linkGbps={10} cpuLog />,
    );
    const totals = html.match(/<text[^>]*data-total[^>]*>/g) ?? [];
    expect(totals).toHaveLength(4);
    for (const t of totals) {
      const lengthPx = Number(attr(t, 'data-bar-end')) - Number(attr(t, 'data-bar-start'));
      expect(lengthPx, attr(t, 'data-row')).toBeGreaterThan(20);
    }
    expect(totals.map((t) => attr(t, 'data-row'))).toEqual([
      'dom0:pv-tcp',
      'dom0:zero-copy',
      'vm:pv-tcp',
      'vm:zero-copy',
    ]);
  });

  it('reads every number from the sweep points: bar totals and the totals chart agree with cpuNs', () => {
    const bars = cpuBarsAt(points, 64);
    for (const row of bars.rows) {
      const [domain, mode] = row.key.split(':') as ['dom0' | 'vm', string];
      const p = points.find((q) => q.mode === mode && q.sizeBytes === 64)!;
      const sumUs = Object.values(p.cpuNs[domain]).reduce((a, b) => a + (b ?? 0), 0) / 1000;
      expect(row.parts.reduce((a, b) => a + b.value, 0)).toBeCloseTo(sumUs, 6);
      const totals = cpuTotals(points, 64, true);
      const line = totals.panels.find((q) => q.key === domain)!.series.find((s) => s.key === mode)!;
      expect(line.points.find((q) => q.x === 64)!.y).toBeCloseTo(sumUs, 6);
      expect(line.style).toEqual(MODE_DESCRIPTORS[mode as keyof typeof MODE_DESCRIPTORS].style);
    }
    // The chosen size need not be swept: the nearest swept size is shown, and the title says so.
    expect(cpuBarsAt(points, 100).title).toMatch(/at 64 B \(swept size nearest 100 B\)/);
  });

  it('the log toggle changes the totals’ y axis only; the bars stay on a linear scale from 0', () => {
    const render = (cpuLog: boolean) =>
      renderToStaticMarkup(
        <CpuChart
          width={760}
          height={660}
          points={points}
          sizeBytes={1 << 20}
          stale={false}
          linkGbps={10}
          cpuLog={cpuLog}
        />,
      );
    const log = render(true);
    const lin = render(false);
    expect(log).toContain('data-y-scale="log"');
    expect(lin).toContain('data-y-scale="linear"');
    const bars = (html: string) =>
      html.slice(html.indexOf('data-testid="cpu-bars"'), html.indexOf('data-chart="small-multiples"'));
    expect(bars(log)).toBe(bars(lin));
    expect(bars(log)).toContain('data-tick-value="0"');
  });
});
