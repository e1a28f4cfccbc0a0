import type { FrameLoop } from '../../frame/frameLoop.ts';
import { actions, appStore } from '../../store/index.ts';
import { PRESENTER_MIN_TEXT_PX } from '../presenter/scale.ts';
import { paintTimeline, type TimelineLayout } from './paintTimeline.ts';
import { rowsHeight, timelineRows, type Recording, type TimelineRow } from './timelineRows.ts';
import { spanAt } from './timelineHit.ts';
import type { TimelineKey } from './timelineKeys.ts';
import * as V from './timelineView.ts';

/** Text and rows on a desk screen and on a projector (presenter mode: the 24 px minimum). */
const DENSITY = {
  desk: { fontPx: 14, rowPx: 22, labelPx: 150 },
  projector: { fontPx: PRESENTER_MIN_TEXT_PX, rowPx: 34, labelPx: 250 },
} as const;

export interface HoverInfo {
  readonly x: number;
  readonly y: number;
  readonly index: number;
}

type Drag =
  | { mode: 'pan'; x: number; y: number; view: V.TimelineView; scrollY: number; moved: boolean }
  | { mode: 'select'; fromNs: number }
  | { mode: 'seek' };

const dpr = () => (window.devicePixelRatio > 0 ? window.devicePixelRatio : 1);

/**
 * The timeline's state and behaviour, apart from React: the view, the scroll, the hovered message
 * and the selected range live here; the frame loop calls `paint` on every drawn frame, and input
 * handlers change the view and paint at once. Nothing here goes through React state per frame.
 */
export class TimelineController {
  view: V.TimelineView;
  scrollY = 0;
  selection: { fromNs: number; toNs: number } | null = null;
  private hoverMessage = -1;
  private canvas: HTMLCanvasElement | null = null;
  private width = 0;
  private height = 0;
  private projector = false;
  private rows: { rec: Recording | null; key: string; list: TimelineRow[] } = {
    rec: null,
    key: '',
    list: [],
  };
  private message: { rec: Recording | null; id: number; size: number; spans: number[] } = {
    rec: null,
    id: -1,
    size: -1,
    spans: [],
  };
  private drag: Drag | null = null;
  private pointerX: number | null = null;
  /** Told when the selected range changes (the summary panel) and when the hovered span does. */
  private onSelection: (s: { fromNs: number; toNs: number } | null) => void = () => {};
  private onHover: (h: HoverInfo | null) => void = () => {};
  private onCategories: (names: readonly string[]) => void = () => {};
  private categoriesKey = '';

  constructor(private readonly loop: FrameLoop) {
    this.view = V.initialView(loop.live.nowNs);
  }

  get recording(): Recording {
    return this.loop.live.recording;
  }

  attach(
    canvas: HTMLCanvasElement | null,
    tell: {
      selection: (s: { fromNs: number; toNs: number } | null) => void;
      hover: (h: HoverInfo | null) => void;
      /** The categories painted, when they change (the legend lists what is on screen). */
      categories: (names: readonly string[]) => void;
    },
  ): void {
    this.canvas = canvas;
    this.onCategories = tell.categories;
    this.categoriesKey = '';
    this.onSelection = tell.selection;
    this.onHover = tell.hover;
  }

  resize(width: number, height: number, projector: boolean): void {
    this.width = width;
    this.height = height;
    this.projector = projector;
    const c = this.canvas;
    if (c) {
      c.width = Math.max(1, Math.round(width * dpr()));
      c.height = Math.max(1, Math.round(height * dpr()));
    }
    this.paint();
  }

  layout(): TimelineLayout {
    const d = this.projector ? DENSITY.projector : DENSITY.desk;
    return {
      width: this.width,
      height: this.height,
      labelPx: Math.min(d.labelPx, Math.round(this.width * 0.3)),
      axisPx: Math.round(d.fontPx * 2),
      fontPx: d.fontPx,
      scrollY: this.scrollY,
    };
  }

  private rowList(rec: Recording): TimelineRow[] {
    const d = this.projector ? DENSITY.projector : DENSITY.desk;
    const key = `${rec.tracks.names.length}|${rec.counters.length}|${d.rowPx}`;
    if (this.rows.rec !== rec || this.rows.key !== key)
      this.rows = { rec, key, list: timelineRows(rec, d.rowPx, d.rowPx) };
    return this.rows.list;
  }

  /** The message whose flow is drawn: the hovered one, else the one whose journey is open. */
  private messageSpans(rec: Recording): { id: number; spans: number[] } {
    const id = this.hoverMessage >= 0 ? this.hoverMessage : (appStore.getState().selectedMessage ?? -1);
    const m = this.message;
    if (m.rec !== rec || m.id !== id || m.size !== rec.spans.size)
      this.message = { rec, id, size: rec.spans.size, spans: id >= 0 ? rec.spans.ofMessage(id) : [] };
    return this.message;
  }

  /** Paints at the live run's time (the frame loop's draw, or now after an input). */
  paint(nowNs = this.loop.live.nowNs): void {
    const canvas = this.canvas;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || this.width <= 0 || this.height <= 0) return;
    if (this.view.follow) this.view = V.followAt(this.view, nowNs);
    const rec = this.recording;
    const rows = this.rowList(rec);
    const layout0 = this.layout();
    this.scrollY = Math.max(0, Math.min(this.scrollY, rowsHeight(rows) - (this.height - layout0.axisPx)));
    const layout = this.layout();
    const message = this.messageSpans(rec);
    const result = paintTimeline(ctx, dpr(), {
      recording: rec,
      rows,
      view: this.view,
      nowNs,
      layout,
      message: message.id,
      messageSpans: message.spans,
      selection: this.selection,
    });
    const key = result.categories.join(',');
    if (key !== this.categoriesKey) {
      this.categoriesKey = key;
      this.onCategories(result.categories.map((c) => rec.categories.names[c]));
    }
    canvas.dataset.spansDrawn = String(result.spansDrawn);
    canvas.dataset.rects = String(result.rects);
    canvas.dataset.viewStartNs = String(Math.round(this.view.startNs));
    canvas.dataset.viewEndNs = String(Math.round(this.view.endNs));
    canvas.dataset.nowNs = String(nowNs);
    canvas.dataset.follow = String(this.view.follow);
    canvas.dataset.rows = String(rows.length);
    // For browser tests: a span of a message they can click (its journey opens).
    canvas.dataset.probe = result.probe ? `${result.probe.x},${result.probe.y},${result.probe.message}` : '';
  }

  /** Anchor for a zoom by key: the pointer if it is over the plot, else the cursor if in view, else the middle. */
  private keyAnchor(): number {
    const L = this.layout();
    const plotW = Math.max(1, L.width - L.labelPx);
    if (this.pointerX !== null && this.pointerX > L.labelPx && !this.view.follow)
      return (this.pointerX - L.labelPx) / plotW;
    const now = this.loop.live.nowNs;
    const a = (now - this.view.startNs) / (this.view.endNs - this.view.startNs);
    return a >= 0 && a <= 1 ? a : 0.5;
  }

  key(k: TimelineKey): void {
    if (k === 'zoomIn' || k === 'zoomOut')
      this.view = V.zoom(this.view, k === 'zoomIn' ? V.KEY_ZOOM : 1 / V.KEY_ZOOM, this.keyAnchor());
    else this.view = V.pan(this.view, k === 'panLeft' ? -V.KEY_PAN : V.KEY_PAN);
    this.paint();
  }

  /** Follow the cursor again, or show everything recorded. */
  follow(): void {
    this.view = V.followAt(this.view, this.loop.live.nowNs);
    this.paint();
  }

  fitAll(): void {
    const s = this.recording.spans;
    const from = s.size > 0 ? s.start[s.at(0)] : 0;
    this.view = V.fit(from, Math.max(from + V.MIN_SPAN_NS, this.loop.live.nowNs));
    this.paint();
  }

  wheel(e: WheelEvent, x: number): void {
    e.preventDefault();
    const L = this.layout();
    const plotW = Math.max(1, L.width - L.labelPx);
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.height : 1;
    if (e.shiftKey) this.scrollY += (e.deltaY || e.deltaX) * unit;
    else if (Math.abs(e.deltaX) > Math.abs(e.deltaY))
      this.view = V.panByNs(this.view, (e.deltaX * unit * (this.view.endNs - this.view.startNs)) / plotW);
    else {
      const anchor = Math.min(1, Math.max(0, (x - L.labelPx) / plotW));
      this.view = { ...V.zoom(this.view, Math.exp((-e.deltaY * unit) / 400), anchor), follow: false };
    }
    this.paint();
  }

  private timeAt(x: number): number {
    const L = this.layout();
    return V.timeAtX(this.view, x - L.labelPx, Math.max(1, L.width - L.labelPx));
  }

  pointerDown(x: number, y: number, shift: boolean): void {
    const L = this.layout();
    if (y < L.axisPx && x > L.labelPx) this.drag = { mode: 'seek' };
    else if (shift && x > L.labelPx) {
      const t = Math.min(this.timeAt(x), this.loop.live.nowNs);
      this.drag = { mode: 'select', fromNs: t };
      this.selection = { fromNs: t, toNs: t };
    } else this.drag = { mode: 'pan', x, y, view: this.view, scrollY: this.scrollY, moved: false };
  }

  pointerMove(x: number, y: number): void {
    this.pointerX = x;
    const d = this.drag;
    if (d?.mode === 'pan') {
      if (Math.abs(x - d.x) + Math.abs(y - d.y) > 3) d.moved = true;
      if (!d.moved) return;
      const L = this.layout();
      const nsPerPx = (d.view.endNs - d.view.startNs) / Math.max(1, L.width - L.labelPx);
      this.view = V.panByNs(d.view, -(x - d.x) * nsPerPx);
      this.scrollY = d.scrollY - (y - d.y);
      this.paint();
    } else if (d?.mode === 'select') {
      this.selection = { fromNs: d.fromNs, toNs: Math.min(this.timeAt(x), this.loop.live.nowNs) };
      this.paint();
    } else if (!d) this.hover(x, y);
  }

  pointerUp(x: number, y: number): void {
    const d = this.drag;
    this.drag = null;
    if (d?.mode === 'seek') this.seek(this.timeAt(x));
    else if (d?.mode === 'select') {
      const sel = this.selection;
      const L = this.layout();
      const minNs = (3 * (this.view.endNs - this.view.startNs)) / Math.max(1, L.width - L.labelPx);
      this.selection = sel && Math.abs(sel.toNs - sel.fromNs) >= minNs ? ordered(sel) : null;
      this.onSelection(this.selection);
      this.paint();
    } else if (d?.mode === 'pan' && !d.moved) {
      const i = this.hitAt(x, y);
      const id = i >= 0 ? this.recording.spans.message[i] : -1;
      if (id >= 0) actions.selectMessage(id);
    }
  }

  pointerLeave(): void {
    this.pointerX = null;
    if (this.hoverMessage >= 0) {
      this.hoverMessage = -1;
      this.paint();
    }
    this.onHover(null);
  }

  clearSelection(): void {
    this.selection = null;
    this.onSelection(null);
    this.paint();
  }

  private hitAt(x: number, y: number): number {
    return spanAt(this.recording, this.rows.list, this.view, this.layout(), this.loop.live.nowNs, x, y);
  }

  private hover(x: number, y: number): void {
    const i = this.hitAt(x, y);
    const id = i >= 0 ? this.recording.spans.message[i] : -1;
    this.onHover(i >= 0 ? { x, y, index: i } : null);
    if (id !== this.hoverMessage) {
      this.hoverMessage = id;
      this.paint();
    }
  }

  /**
   * Moves the cursor to tNs, paused: within the recording a lookup (the diagram, gauges and charts
   * follow), past the run's head by running it on.
   */
  seek(tNs: number): void {
    this.loop.seek(Math.max(0, Math.round(tNs)));
  }
}

const ordered = (s: { fromNs: number; toNs: number }) =>
  s.fromNs <= s.toNs ? s : { fromNs: s.toNs, toNs: s.fromNs };
