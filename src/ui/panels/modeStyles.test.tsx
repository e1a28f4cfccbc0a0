import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MODE_DESCRIPTORS, PKTGEN_MODES } from '../../model/modes.ts';
import { MODES, type Mode } from '../../model/types.ts';
import type { ChartPoint } from '../../worker/sweeps.ts';
import { IoPathDiagram } from '../diagram/index.ts';
import { lineSeries, liveSeries } from './chartData.ts';
import { LatencyChart, PktgenChart, ThroughputChart, type SweepChartProps } from './sweepCharts.tsx';

const SIZES = [64, 4096, 1 << 20];

function point(kind: ChartPoint['kind'], mode: Mode, sizeBytes: number, y: number): ChartPoint {
  return { kind, mode, sizeBytes, latencyUs: y, throughputMiBps: y, cpuNs: { dom0: {}, vm: {} } };
}

/** Every mode at every size (RDMA), and the pktgen modes in the reverse order, so positions differ. */
const points: ChartPoint[] = [
  ...MODES.flatMap((m, i) => SIZES.map((s) => point('rdma', m, s, 10 + i + s / 1000))),
  ...[...PKTGEN_MODES].reverse().flatMap((m, i) => SIZES.map((s) => point('pktgen', m, s, 100 + i))),
];

const props: SweepChartProps = {
  width: 900,
  height: 500,
  points,
  sizeBytes: 4096,
  stale: false,
  linkGbps: 10,
  cpuLog: false,
};

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The stroke, dash and marker colour a chart draws a series in, and its legend swatch's. */
function drawn(html: string, key: string) {
  const group = html.slice(html.indexOf(`data-series="${key}"`));
  const path = /<path[^>]*>/.exec(group)![0];
  const legend = html.slice(html.indexOf(`data-legend-key="${key}"`));
  const swatch = /<line[^>]*>/.exec(legend)![0];
  return {
    line: { color: attr(path, 'stroke'), dash: attr(path, 'stroke-dasharray') ?? '' },
    legend: { color: attr(swatch, 'stroke'), dash: attr(swatch, 'stroke-dasharray') ?? '' },
  };
}

describe('a mode has one style on every chart', () => {
  it('series built from the sweep carry their mode’s descriptor style, whatever their position', () => {
    for (const kind of ['rdma', 'pktgen'] as const) {
      for (const s of lineSeries(points, (p) => p.throughputMiBps, kind)) {
        expect(s.style, `${kind} ${s.key}`).toEqual(MODE_DESCRIPTORS[s.key as Mode].style);
        expect(s.label).toBe(MODE_DESCRIPTORS[s.key as Mode].label);
      }
    }
  });

  it('draws each mode’s line and legend swatch in its descriptor’s colour and dash on throughput, latency and pktgen', () => {
    const charts = {
      throughput: renderToStaticMarkup(<ThroughputChart {...props} />),
      latency: renderToStaticMarkup(<LatencyChart {...props} />),
      pktgen: renderToStaticMarkup(<PktgenChart {...props} />),
    };
    for (const [name, html] of Object.entries(charts)) {
      const modes = name === 'pktgen' ? PKTGEN_MODES : MODES;
      for (const mode of modes) {
        const { color, dash } = MODE_DESCRIPTORS[mode].style;
        const d = drawn(html, mode);
        expect(d.line, `${name} ${mode}`).toEqual({ color, dash });
        expect(d.legend, `${name} ${mode} legend`).toEqual({ color, dash });
      }
    }
    // The case that drifted: pv-tcp is one colour on Throughput and on pktgen.
    expect(drawn(charts.throughput, 'pv-tcp').line.color).toBe(drawn(charts.pktgen, 'pv-tcp').line.color);
  });

  it('gives every mode a colour, a marker and a dash of its own', () => {
    const styles = MODES.map((m) => MODE_DESCRIPTORS[m].style);
    for (const k of ['color', 'marker', 'dash'] as const)
      expect(new Set(styles.map((s) => s[k])).size, k).toBe(MODES.length);
  });

  it('draws the diagram’s route, its arrowheads and its legend line in the mode’s colour', () => {
    for (const mode of MODES) {
      const html = renderToStaticMarkup(
        <IoPathDiagram width={1400} height={800} mode={mode} vmsPerHost={1} />,
      );
      const { color } = MODE_DESCRIPTORS[mode].style;
      // Each route connector: a dark halo path, then the path in the route's colour.
      const routes = html.split(/<g data-connector="[^"]*"[^>]*data-kind="route"[^>]*>/).slice(1);
      expect(routes.length, mode).toBeGreaterThan(0);
      for (const r of routes) expect(attr(r.match(/<path[^>]*>/g)![1], 'stroke'), mode).toBe(color);
      const marker = html.slice(html.indexOf('id="arrow-path"'));
      expect(attr(/<path[^>]*>/.exec(marker)![0], 'fill'), mode).toBe(color);
      // The legend's "path of this mode" line (the diagram's only <line> in a mode colour).
      expect(
        (html.match(/<line[^>]*>/g) ?? []).some((l) => attr(l, 'stroke') === color),
        mode,
      ).toBe(true);
    }
  });

  it('draws the running chart’s throughput in the mode’s style, and no CPU series in the mode’s colour', () => {
    const samples = [1, 2, 3].map((i) => ({
      tNs: i * 1000,
      throughputMiBps: 100 * i,
      cpuCores: { vm: 0.2, dom0: 0.5, stubdom: 1, linux: 0.1 },
      windowNs: 1000,
    }));
    for (const mode of MODES) {
      const series = liveSeries(samples, mode);
      const { style } = MODE_DESCRIPTORS[mode];
      expect(series.find((s) => s.key === 'throughput')!.style, mode).toEqual(style);
      for (const s of series.filter((x) => x.key !== 'throughput')) {
        expect(s.style, `${mode} ${s.key}`).toBeDefined();
        expect(s.style!.color, `${mode} ${s.key}`).not.toBe(style.color);
      }
      const cpuColours = series.filter((x) => x.axis === 'right').map((x) => x.style!.color);
      expect(new Set(cpuColours).size, mode).toBe(cpuColours.length);
    }
  });
});
