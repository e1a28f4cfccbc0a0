import { describe, expect, it } from 'vitest';
import type { Mode } from '../../../model/types.ts';
import { contains, overlaps, polylineHits, type Rect } from '../geometry.ts';
import {
  boxExtent,
  diagramFontPx,
  findStation,
  isAncestor,
  layoutDiagram,
  PROJECTOR_MIN_FONT_PX,
  type DiagramLayout,
} from './layout.ts';
import { MODES } from '../../../model/types.ts';

const SIZES = [
  { width: 900, height: 520 }, // the diagram's share of a 1366×768 screen
  { width: 1400, height: 760 }, // … of a 1920×1080 screen
];

/** Presenter mode's diagram: the main area of a 1366×768 and of a 1920×1080 screen, and a 1280×720 one. */
const PROJECTOR_SIZES = [
  { width: 1354, height: 684 },
  { width: 1268, height: 612 },
  { width: 1908, height: 960 },
];

const all = (fn: (L: DiagramLayout, label: string) => void) => {
  const cases = [
    ...SIZES.map((s) => ({ ...s, density: 'desk' as const })),
    ...PROJECTOR_SIZES.map((s) => ({ ...s, density: 'projector' as const })),
  ];
  for (const size of cases)
    for (const vmsPerHost of [1, 16])
      for (const mode of MODES)
        fn(
          layoutDiagram({ ...size, vmsPerHost, mode }),
          `${mode} ${size.width}×${size.height} ${size.density} ${vmsPerHost} VMs`,
        );
};

describe('layoutDiagram', () => {
  it('fits every box, pill and path inside width × height', () => {
    all((L, label) => {
      const frame: Rect = { x: 0, y: 0, w: L.width, h: L.height };
      for (const b of L.boxes) {
        expect(contains(frame, boxExtent(b)), `${label}: ${b.id}`).toBe(true);
        for (const r of [b.title, b.badge?.rect, b.readout, ...(b.meters ?? []).map((m) => m.rect)])
          if (r) expect(contains(frame, r), `${label}: pill of ${b.id}`).toBe(true);
      }
      for (const c of L.connectors) {
        for (const p of c.points)
          expect(contains(frame, { x: p.x, y: p.y, w: 0, h: 0 }), `${label}: ${c.id}`).toBe(true);
        if (c.label) expect(contains(frame, c.label.rect), `${label}: label of ${c.id}`).toBe(true);
      }
      if (L.legend) expect(contains(frame, L.legend)).toBe(true);
    });
  });

  it('has no overlapping boxes within a layer (a box and what it contains aside)', () => {
    all((L, label) => {
      for (let i = 0; i < L.boxes.length; i++) {
        for (let j = i + 1; j < L.boxes.length; j++) {
          const a = L.boxes[i];
          const b = L.boxes[j];
          if (a.layer !== b.layer || isAncestor(L, a, b) || isAncestor(L, b, a)) continue;
          // Boxes that touch (the cable at the switch) may meet within rounding: shrink by a hundredth of a px.
          const inset = (r: Rect): Rect => ({ x: r.x + 0.01, y: r.y + 0.01, w: r.w - 0.02, h: r.h - 0.02 });
          expect(overlaps(inset(a), inset(b)), `${label}: ${a.id} overlaps ${b.id}`).toBe(false);
        }
      }
    });
  });

  it('keeps every child inside its parent', () => {
    all((L, label) => {
      const byId = new Map(L.boxes.map((b) => [b.id, b]));
      for (const b of L.boxes) {
        if (!b.parent) continue;
        expect(contains(byId.get(b.parent)!, b), `${label}: ${b.id} in ${b.parent}`).toBe(true);
      }
    });
  });

  it('draws paths around the boxes they do not connect', () => {
    all((L, label) => {
      for (const c of L.connectors) {
        if (c.kind === 'wire') continue;
        const others = L.boxes.filter(
          (b) =>
            (b.kind === 'station' || b.kind === 'part') &&
            b.host === c.host &&
            b.id !== c.from &&
            b.id !== c.to,
        );
        expect(polylineHits(c.points, others), `${label}: ${c.id}`).toBe(false);
      }
    });
  });

  it('uses labels of at least 14 px at the two screen sizes', () => {
    for (const size of SIZES) {
      expect(diagramFontPx(size.width, size.height)).toBeGreaterThanOrEqual(14);
      const L = layoutDiagram({ ...size, vmsPerHost: 16, mode: 'zero-copy' });
      expect(L.fontPx).toBeGreaterThanOrEqual(14);
      expect(L.smallFontPx).toBeGreaterThanOrEqual(14);
    }
  });

  it('draws every text of presenter mode at 24 px or more on a 1366×768 projector', () => {
    for (const vmsPerHost of [1, 16])
      for (const mode of MODES) {
        const L = layoutDiagram({ ...PROJECTOR_SIZES[0], vmsPerHost, mode, density: 'projector' });
        expect(L.fontPx, mode).toBeGreaterThanOrEqual(PROJECTOR_MIN_FONT_PX);
        expect(L.smallFontPx, mode).toBe(L.fontPx);
      }
    // With the room of a 1920×1080 screen the legend stays and the labels grow past the desk's 24 px.
    const big = layoutDiagram({
      ...PROJECTOR_SIZES[2],
      vmsPerHost: 1,
      mode: 'zero-copy',
      density: 'projector',
    });
    expect(big.legend).not.toBeNull();
    expect(big.fontPx).toBeGreaterThan(24);
  });

  it('gives boxes unique ids and is a pure function of its parameters', () => {
    all((L, label) => {
      const ids = L.boxes.map((b) => b.id);
      expect(new Set(ids).size, label).toBe(ids.length);
    });
    const p = { width: 1000, height: 560, vmsPerHost: 4, mode: 'pv-tcp' as Mode };
    expect(layoutDiagram(p)).toEqual(layoutDiagram(p));
  });

  it('draws one VM in full and stacks the others behind it with a badge', () => {
    const one = layoutDiagram({ width: 900, height: 520, vmsPerHost: 1, mode: 'zero-copy' });
    const many = layoutDiagram({ width: 900, height: 520, vmsPerHost: 16, mode: 'zero-copy' });
    const vm1 = one.boxes.find((b) => b.id === 'h0/vm')!;
    const vm16 = many.boxes.find((b) => b.id === 'h0/vm')!;
    expect(vm1.stack).toBeUndefined();
    expect(vm1.badge).toBeUndefined();
    expect(vm16.stack).toMatchObject({ count: 16, shown: 3 });
    expect(vm16.badge?.text).toBe('×16 VMs');
    // Stations of the VM are the same boxes whatever the number of VMs.
    expect(many.boxes.filter((b) => b.host === 0 && b.place === 'vm' && b.kind === 'station')).toHaveLength(
      5,
    );
  });

  it('puts hosts side by side, host 1 mirrored, with the switch between them on the wire', () => {
    const L = layoutDiagram({ width: 1000, height: 560, vmsPerHost: 1, mode: 'pv-tcp' });
    const h0 = L.boxes.find((b) => b.id === 'h0')!;
    const h1 = L.boxes.find((b) => b.id === 'h1')!;
    const sw = L.boxes.find((b) => b.id === 'switch')!;
    expect(h0.x + h0.w).toBeLessThan(sw.x);
    expect(sw.x + sw.w).toBeLessThan(h1.x);
    expect(h1.mirrored).toBe(true);
    const dma0 = findStation(L, 0, 'dma')!;
    const dma1 = findStation(L, 1, 'dma')!;
    // Each host's DMA engine faces the switch.
    expect(dma0.x + dma0.w).toBeGreaterThan(
      findStation(L, 0, 'driver')!.x + findStation(L, 0, 'driver')!.w / 2,
    );
    expect(dma1.x).toBeLessThan(findStation(L, 1, 'driver')!.x + findStation(L, 1, 'driver')!.w / 2);
    // Layers from top to bottom: guest, Xen, driver domain, NIC.
    const y = (id: string) => L.boxes.find((b) => b.id === id)!.y;
    expect(y('h0/vm')).toBeLessThan(y('h0/xen'));
    expect(y('h0/xen')).toBeLessThan(y('h0/dom0'));
    expect(y('h0/dom0')).toBeLessThan(y('h0/nic'));
  });

  it('resolves a station by the domain that owns the work', () => {
    const L = layoutDiagram({ width: 1000, height: 560, vmsPerHost: 2, mode: 'zero-copy' });
    expect(findStation(L, 0, 'copy', 'vm')!.id).toBe('h0/vm/copy');
    expect(findStation(L, 0, 'copy', 'dom0')!.id).toBe('h0/dom0/copy');
    expect(findStation(L, 1, 'evtchn', 'xen')!.id).toBe('h1/xen/evtchn');
    const vmCopy = findStation(L, 0, 'copy', 'vm')!;
    const vm = L.boxes.find((b) => b.id === 'h0/vm')!;
    expect(contains(vm, vmCopy)).toBe(true);
  });

  it('builds each mode in its own shape', () => {
    const at = (mode: Mode) => layoutDiagram({ width: 1000, height: 560, vmsPerHost: 1, mode });
    const places = (L: DiagramLayout) =>
      new Set(L.boxes.filter((b) => b.host === 0 && b.kind === 'domain').map((b) => b.place));
    expect([...places(at('native'))].sort()).toEqual(['linux', 'nic']);
    expect(at('native').boxes.some((b) => b.place === 'xen')).toBe(false);
    expect([...places(at('stub-domain'))].sort()).toEqual(['dom0', 'nic', 'stubdom', 'vm', 'xen']);
    expect(findStation(at('stub-domain'), 0, 'backend')!.place).toBe('stubdom');
    expect(findStation(at('stub-domain'), 0, 'driver')!.place).toBe('stubdom');
    expect(findStation(at('hw-offload'), 0, 'backend', 'nic')!.place).toBe('nic');
    expect(findStation(at('sr-iov'), 0, 'driver', 'vm')!.place).toBe('vm');
    expect(at('sr-iov').boxes.some((b) => b.part === 'vf')).toBe(true);
    expect(findStation(at('dom0'), 0, 'app')!.place).toBe('dom0');
    expect(at('dom0').boxes.some((b) => b.kind === 'domain' && b.place === 'vm')).toBe(false);
  });
});
