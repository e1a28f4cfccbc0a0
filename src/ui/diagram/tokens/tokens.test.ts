import { describe, expect, it } from 'vitest';
import { boxById, findStation, layoutDiagram } from '../layout/layout.ts';
import { sampleJourney, PV_TCP_STAGES, ZERO_COPY_STAGES } from '../testing/sampleJourneys.ts';
import {
  buildTokenIndex,
  computeTokens,
  resolveSpanBox,
  tokenAnchor,
  tokenColor,
  tokenKindOf,
  tokensAt,
  type SpanRecord,
  type TraceRecord,
} from './tokens.ts';

const L = layoutDiagram({ width: 1000, height: 560, vmsPerHost: 2, mode: 'zero-copy' });
const span = (
  p: Partial<SpanRecord> & Pick<SpanRecord, 'component' | 'owner' | 'category' | 'startNs' | 'endNs'>,
): SpanRecord => ({
  kind: 'span',
  messageId: 1,
  label: p.category,
  ...p,
});

describe('tokens', () => {
  it('are none for an empty trace, for instants only and for spans of no message', () => {
    expect(computeTokens([], L, 0)).toEqual([]);
    const instants: TraceRecord[] = [
      { kind: 'instant', component: 'h0/iotlb', name: 'hit', messageId: 3, atNs: 10 },
    ];
    expect(computeTokens(instants, L, 10)).toEqual([]);
    const orphan = span({
      component: 'h0/dom0/vcpu0',
      owner: 'dom0',
      category: 'backend',
      startNs: 0,
      endNs: 100,
      messageId: -1,
    });
    expect(computeTokens([orphan], L, 50)).toEqual([]);
  });

  it('land where the span says: resting at the station, then along the drawn path', () => {
    const spans = sampleJourney(ZERO_COPY_STAGES, 7);
    const app = findStation(L, 0, 'app', 'vm')!;
    const fe = findStation(L, 0, 'frontend', 'vm')!;
    const con = L.connectors.find((c) => c.id === 'h0/app>frontend')!;
    // t = 0: the first span, at the application's resting point (its top edge, above the label).
    const [t0] = computeTokens(spans, L, 0);
    expect({ x: t0.x, y: t0.y }).toEqual(tokenAnchor(app));
    expect(t0).toMatchObject({ messageId: 7, station: 'app', host: 0, kind: 'message', waiting: false });
    // t = 1 µs: the frontend's span starts where the path from the application arrives.
    const [t1] = computeTokens(spans, L, 1_000);
    expect({ x: t1.x, y: t1.y }).toEqual(con.points[con.points.length - 1]);
    expect(t1.station).toBe('frontend');
    expect(t1.y).toBeCloseTo(fe.y, 6);
    // t = 0.5 µs: half the length of the walk from the resting point along the connector.
    const pts = [tokenAnchor(app), ...con.points];
    const seg = pts.slice(1).map((p, i) => Math.hypot(p.x - pts[i].x, p.y - pts[i].y));
    let d = seg.reduce((a, b) => a + b, 0) / 2;
    let expected = pts[0];
    for (let i = 0; i < seg.length; i++) {
      if (d <= seg[i]) {
        const u = d / seg[i];
        expected = {
          x: pts[i].x + (pts[i + 1].x - pts[i].x) * u,
          y: pts[i].y + (pts[i + 1].y - pts[i].y) * u,
        };
        break;
      }
      d -= seg[i];
    }
    const [th] = computeTokens(spans, L, 500);
    expect(th.x).toBeCloseTo(expected.x, 9);
    expect(th.y).toBeCloseTo(expected.y, 9);
  });

  it('with reduced motion, rest at their station for the whole span and jump to the next', () => {
    const spans = sampleJourney(ZERO_COPY_STAGES, 7);
    const index = buildTokenIndex(spans, L);
    const app = findStation(L, 0, 'app', 'vm')!;
    const con = L.connectors.find((c) => c.id === 'h0/app>frontend')!;
    const still = { reducedMotion: true };
    // Mid-span: no glide, still at the application's resting point (where the gliding token is not).
    const [mid] = tokensAt(index, 500, still);
    expect({ x: mid.x, y: mid.y }).toEqual(tokenAnchor(app));
    expect(tokensAt(index, 999, still)[0]).toEqual(mid);
    const [glide] = tokensAt(index, 500);
    expect({ x: glide.x, y: glide.y }).not.toEqual(tokenAnchor(app));
    // The next span: at once at the frontend, where the path arrives, as without reduced motion.
    const [next] = tokensAt(index, 1_000, still);
    expect({ x: next.x, y: next.y }).toEqual(con.points[con.points.length - 1]);
    expect(tokensAt(index, 1_000)).toEqual([next]);
  });

  it('cross the wire through the switch into the other host’s DMA engine', () => {
    const spans = sampleJourney(ZERO_COPY_STAGES, 2);
    const rx = spans.find((s) => s.component === 'h1/nic' && s.category === 'nic-rx')!;
    const wire = spans.find((s) => s.category === 'wire')!;
    const dma1 = findStation(L, 1, 'dma')!;
    const wire1 = boxById(L, 'h1/net/wire')!;
    const sw = boxById(L, 'switch')!;
    const [at] = computeTokens(spans, L, rx.startNs);
    // Host 1 is mirrored: the cable meets its DMA engine on the left edge.
    expect(at).toMatchObject({
      x: dma1.x,
      y: wire1.y + wire1.h / 2,
      host: 1,
      station: 'dma',
      kind: 'packet',
    });
    // On the wire, the packet is between the two hosts, at the cable's height.
    const [mid] = computeTokens(spans, L, (wire.startNs + wire.endNs) / 2);
    expect(mid.kind).toBe('packet');
    expect(mid.y).toBeCloseTo(sw.y + sw.h / 2, 6);
    expect(mid.x).toBeGreaterThan(findStation(L, 0, 'dma')!.x);
    expect(mid.x).toBeLessThan(dma1.x);
  });

  it('are the same for the same time, call after call and index after index', () => {
    const spans = [
      ...sampleJourney(PV_TCP_STAGES, 1),
      ...sampleJourney(PV_TCP_STAGES, 2, 5_000),
      ...sampleJourney(PV_TCP_STAGES, 3, 9_000),
    ];
    const a = buildTokenIndex(spans, L, { jitterPx: 4 });
    const b = buildTokenIndex(spans.slice().reverse(), L, { jitterPx: 4 });
    for (const t of [0, 12_345, 30_000, 61_000]) {
      const first = tokensAt(a, t);
      expect(tokensAt(a, t)).toEqual(first);
      expect(tokensAt(b, t)).toEqual(first);
      expect(first.every((k) => Number.isFinite(k.x) && Number.isFinite(k.y))).toBe(true);
    }
    expect(tokensAt(a, 30_000).map((t) => t.messageId)).toEqual([1, 2, 3]);
  });

  it('infer the kind from the category, and finish as a completion', () => {
    expect(tokenKindOf('events')).toBe('notification');
    expect(tokenKindOf('hypercall')).toBe('notification');
    expect(tokenKindOf('wire')).toBe('packet');
    expect(tokenKindOf('dma')).toBe('packet');
    expect(tokenKindOf('tcpip')).toBe('message');
    expect(tokenKindOf('frontend', 'completion polled')).toBe('completion');
    const spans = sampleJourney(ZERO_COPY_STAGES, 4);
    const last = spans[spans.length - 1];
    expect(computeTokens(spans, L, last.startNs)[0].kind).toBe('completion');
    const hcall = spans.find((s) => s.category === 'hypercall')!;
    expect(computeTokens(spans, L, hcall.startNs)[0]).toMatchObject({
      kind: 'notification',
      station: 'evtchn',
    });
    expect(computeTokens(spans, L, last.endNs)).toEqual([]);
  });

  it('wait at the next station between spans, and show a message doing two things twice', () => {
    const spans = [
      span({ component: 'h0/vm0/vcpu0', owner: 'vm', category: 'frontend', startNs: 0, endNs: 100 }),
      span({ component: 'h0/dom0/vcpu0', owner: 'dom0', category: 'backend', startNs: 300, endNs: 400 }),
      span({ component: 'h0/dma-tx', owner: 'hw', category: 'dma', startNs: 400, endNs: 600 }),
      span({ component: 'h0/vm0/vcpu0', owner: 'vm', category: 'syscall', startNs: 450, endNs: 500 }),
    ];
    const idx = buildTokenIndex(spans, L);
    const [waiting] = tokensAt(idx, 200);
    const [arrived] = tokensAt(idx, 300);
    expect(waiting.waiting).toBe(true);
    expect(waiting.station).toBe('backend');
    expect({ x: waiting.x, y: waiting.y }).toEqual({ x: arrived.x, y: arrived.y });
    expect(
      tokensAt(idx, 460)
        .map((t) => t.station)
        .sort(),
    ).toEqual(['app', 'dma']);
  });

  it('colour each message by its id', () => {
    expect(tokenColor(3)).toBe(tokenColor(3));
    expect(tokenColor(3)).not.toBe(tokenColor(4));
    expect(computeTokens(sampleJourney(ZERO_COPY_STAGES, 3), L, 0)[0].color).toBe(tokenColor(3));
  });

  it('resolve spans to the box of their station, host and owner', () => {
    const box = (p: Parameters<typeof span>[0], layout = L) => resolveSpanBox(layout, span(p))?.id;
    expect(box({ component: 'h0/vm1/vcpu0', owner: 'vm', category: 'copy', startNs: 0, endNs: 1 })).toBe(
      'h0/vm/copy',
    );
    expect(box({ component: 'h1/dom0/vcpu0', owner: 'dom0', category: 'copy', startNs: 0, endNs: 1 })).toBe(
      'h1/dom0/copy',
    );
    expect(
      box({ component: 'h0/dom0/vcpu0', owner: 'wait', category: 'latency', startNs: 0, endNs: 1 }),
    ).toBe('h0/xen/sched');
    expect(
      box({ component: 'h0/dom0/vcpu0', owner: 'dom0', category: 'grant-map', startNs: 0, endNs: 1 }),
    ).toBe('h0/xen/iotlb');
    expect(box({ component: 'h1/dma-rx', owner: 'hw', category: 'dma', startNs: 0, endNs: 1 })).toBe(
      'h1/nic/dma',
    );
    expect(box({ component: 'h0/wire', owner: 'hw', category: 'wire', startNs: 0, endNs: 1 })).toBe(
      'h0/net/wire',
    );
    const hw = layoutDiagram({ width: 1000, height: 560, vmsPerHost: 1, mode: 'hw-offload' });
    expect(box({ component: 'h0/nic', owner: 'hw', category: 'firmware', startNs: 0, endNs: 1 }, hw)).toBe(
      'h0/nic/backend',
    );
    const stub = layoutDiagram({ width: 1000, height: 560, vmsPerHost: 1, mode: 'stub-domain' });
    expect(
      box({ component: 'h0/stubdom/vcpu0', owner: 'stubdom', category: 'poll', startNs: 0, endNs: 1 }, stub),
    ).toBe('h0/stubdom/backend');
    const native = layoutDiagram({ width: 1000, height: 560, vmsPerHost: 1, mode: 'native' });
    expect(
      box({ component: 'h1/linux/vcpu0', owner: 'linux', category: 'wakeup', startNs: 0, endNs: 1 }, native),
    ).toBe('h1/linux/sched');
  });

  it('index a large batch once and answer each frame quickly', () => {
    const spans: SpanRecord[] = [];
    for (let m = 0; m < 1_000; m++) spans.push(...sampleJourney(ZERO_COPY_STAGES, m, m * 3_000));
    const idx = buildTokenIndex(spans, L);
    expect(idx.spanCount).toBe(spans.length);
    const t0 = performance.now();
    let n = 0;
    for (let k = 0; k < 2_000; k++) n += tokensAt(idx, k * 1_500).length;
    const ms = performance.now() - t0;
    expect(n).toBeGreaterThan(2_000); // about ten messages in flight at a time
    expect(ms).toBeLessThan(2_000);
  });
});
