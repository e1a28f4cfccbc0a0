// The host builder's pieces: a domain box with its title pill and gauges, and a grid of station cells.
import type { Place } from '../../../model/routes.ts';
import { textWidth, type Rect } from '../geometry.ts';
import { PART_LABELS, READOUT_STATIONS, STATION_LABELS, type Units } from './grid.ts';
import type { Cell } from './layers.ts';
import { fitLabelPreferLong } from './routing.ts';
import type { Layer, LocalBox, Meter } from './types.ts';

export interface DomainMeters {
  top?: Meter['kind'];
  bottom?: Meter['kind'];
  bottomFrac?: number;
  /** Room to keep free on the top border (for gauges), px. */
  reserve?: number;
}

/** Collects one host's boxes in its local coordinates (its inner side on the right). */
export class HostBuilder {
  readonly local: LocalBox[] = [];
  /** Prefix of this host's box ids. */
  readonly pre: string;

  constructor(
    readonly host: number,
    readonly f: number,
    readonly small: number,
    readonly rowH: number,
    /** The sizes in units of f (desk or projector). */
    readonly u: Units,
  ) {
    this.pre = `h${host}`;
  }

  add(box: Omit<LocalBox, 'host'>): LocalBox {
    const b: LocalBox = { ...box, host: this.host };
    this.local.push(b);
    return b;
  }

  /** A domain box: the longest title that leaves room for the gauges, and gauges on its borders. */
  domain(id: string, place: Place, layer: Layer, r: Rect, titles: string[], meters: DomainMeters): LocalBox {
    const f = this.f;
    const room = r.w - f - (meters.reserve ?? 0);
    const titleLines = [titles.find((t) => textWidth(t, f) + 0.9 * f <= room) ?? titles[titles.length - 1]];
    const tw = textWidth(titleLines[0], f) + 0.9 * f;
    const title: Rect = { x: r.x + 0.5 * f, y: r.y - 0.62 * f, w: tw, h: 1.24 * f };
    const box: LocalBox = {
      id,
      kind: 'domain',
      layer,
      host: this.host,
      parent: this.pre,
      place,
      station: null,
      part: null,
      label: titles[0],
      lines: titleLines,
      r,
      title,
    };
    // Local coordinates: the host's inner side is on the right ('right' here; mirrored later).
    const out: Meter[] = [];
    if (meters.top) {
      const x0 = title.x + title.w + 0.4 * f;
      out.push({
        kind: meters.top,
        rect: { x: x0, y: title.y, w: Math.max(0, r.x + r.w - 0.5 * f - x0), h: title.h },
        align: 'right',
      });
    }
    if (meters.bottom) {
      const w = r.w * (meters.bottomFrac ?? 0.75) - 0.5 * f;
      out.push({
        kind: meters.bottom,
        rect: { x: r.x + 0.5 * f, y: r.y + r.h - 0.62 * f, w, h: 1.24 * f },
        align: 'left',
      });
    }
    if (out.length) box.meters = out;
    this.local.push(box);
    return box;
  }

  /** Places rows of cells on a grid of `cols` columns inside `inner`, rows `gaps` apart. */
  grid(
    parent: LocalBox,
    place: Place,
    layer: Layer,
    inner: Rect,
    cols: number,
    cells: Cell[][],
    gaps: number[],
    rowHeight = this.rowH,
  ): void {
    const { f, small, pre } = this;
    const colGap = this.u.colGap * f;
    const colW = (inner.w - (cols - 1) * colGap) / cols;
    let y = inner.y;
    cells.forEach((row, ri) => {
      let c = 0;
      for (const cell of row) {
        const x = inner.x + c * (colW + colGap);
        const w = cell.span * colW + (cell.span - 1) * colGap;
        const r: Rect = { x, y, w, h: rowHeight };
        c += cell.span;
        const labels = cell.labels ?? (cell.station ? STATION_LABELS[cell.station] : PART_LABELS[cell.part!]);
        const readout =
          (cell.station && READOUT_STATIONS.has(cell.station)) || cell.part === 'rings' || cell.part === 'vf';
        const lineH = 1.05 * f;
        const labelRoom = rowHeight - 0.25 * f - (readout ? small * 1.2 : 0);
        const maxLines = Math.max(1, Math.floor(labelRoom / lineH + 1e-6));
        const lines = fitLabelPreferLong(labels, w - 0.55 * f, f, maxLines);
        const box: LocalBox = {
          id: cell.station ? `${pre}/${place}/${cell.station}` : `${pre}/${place}/${cell.part}`,
          kind: cell.station ? 'station' : 'part',
          layer,
          host: this.host,
          parent: parent.id,
          place,
          station: cell.station ?? null,
          part: cell.part ?? null,
          label: labels[0],
          lines,
          r,
        };
        if (readout)
          box.readout = {
            x: x + 0.2 * f,
            y: y + rowHeight - 0.25 * f - small * 1.2,
            w: w - 0.4 * f,
            h: small * 1.2,
          };
        this.local.push(box);
      }
      y += rowHeight + (gaps[ri] ?? 0);
    });
  }

  /** The inside of a domain box, below its title and above its bottom border (`bottom` in f). */
  inner(r: Rect, bottom: number): Rect {
    const f = this.f;
    return {
      x: r.x + this.u.domPad * f,
      y: r.y + this.u.boxTop * f,
      w: r.w - 2 * this.u.domPad * f,
      h: r.h - this.u.boxTop * f - bottom * f,
    };
  }
}
