import { useEffect, useMemo, useRef, useState } from 'react';
import { useElementSize } from '../../charts/index.ts';
import { useFrameLoop } from '../frameContext.ts';
import { usePresenter } from '../presenter/index.ts';
import { RangeSummaryPanel, SpanTooltip, TimelineLegend } from './TimelineParts.tsx';
import { TimelineController, type HoverInfo } from './timelineController.ts';
import { takeTimelineKeys } from './timelineKeys.ts';
import './timeline.css';

const HELP =
  'Timeline of the live run. W and S zoom, A and D pan (the wheel zooms too, drag pans, shift-wheel scrolls the rows). ' +
  'Click the time axis to move the simulated time there; click a span to open its message’s journey; ' +
  'shift-drag selects a range and sums it.';

/**
 * The timeline lens: every span the live run recorded, per host, domain and vCPU, the NIC's engines,
 * the wire and the rings, around the cursor (the run's simulated time). Painted on a canvas by the
 * frame loop (one paint per drawn frame, no React render per frame); the panel around it holds the
 * toolbar, the legend, the hovered span and the selected range's summary.
 */
export function Timeline() {
  const loop = useFrameLoop();
  const ctl = useMemo(() => new TimelineController(loop), [loop]);
  const [boxRef, { width, height }] = useElementSize();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const projector = usePresenter((s) => s.on);
  const [selection, setSelection] = useState<{ fromNs: number; toNs: number } | null>(null);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [follow, setFollow] = useState(true);
  const [categories, setCategories] = useState<readonly string[]>([]);

  useEffect(() => {
    ctl.attach(canvasRef.current, { selection: setSelection, hover: setHover, categories: setCategories });
    const stopDraw = loop.onDraw(({ nowNs }) => {
      ctl.paint(nowNs);
      setFollow(ctl.view.follow);
    });
    const stopKeys = takeTimelineKeys((k) => {
      ctl.key(k);
      setFollow(ctl.view.follow);
    });
    return () => {
      stopDraw();
      stopKeys();
      ctl.attach(null, { selection: () => {}, hover: () => {}, categories: () => {} });
    };
  }, [ctl, loop]);

  useEffect(() => ctl.resize(width, height, projector), [ctl, width, height, projector]);

  // The wheel zooms: a listener that may prevent the page's scrolling (React's is passive).
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      ctl.wheel(e, e.offsetX);
      setFollow(ctl.view.follow);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [ctl]);

  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-tools">
        <button
          type="button"
          aria-pressed={follow}
          data-testid="timeline-follow"
          onClick={() => {
            ctl.follow();
            setFollow(true);
          }}
        >
          Follow the cursor
        </button>
        <button
          type="button"
          data-testid="timeline-fit"
          onClick={() => {
            ctl.fitAll();
            setFollow(false);
          }}
        >
          Show all
        </button>
        <span className="timeline-hint" aria-hidden="true">
          W S zoom · A D pan · click axis: go to time · shift-drag: range
        </span>
      </div>
      <TimelineLegend categories={categories} />
      <div ref={boxRef} className="timeline-box">
        <canvas
          ref={canvasRef}
          className="timeline-canvas"
          data-testid="timeline-canvas"
          data-focus-kind="timeline"
          tabIndex={0}
          role="application"
          aria-roledescription="timeline"
          aria-label={HELP}
          style={{ width, height }}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            e.currentTarget.focus({ preventScroll: true });
            ctl.pointerDown(e.nativeEvent.offsetX, e.nativeEvent.offsetY, e.shiftKey);
          }}
          onPointerMove={(e) => ctl.pointerMove(e.nativeEvent.offsetX, e.nativeEvent.offsetY)}
          onPointerUp={(e) => {
            ctl.pointerUp(e.nativeEvent.offsetX, e.nativeEvent.offsetY);
            setFollow(ctl.view.follow);
          }}
          onPointerLeave={() => ctl.pointerLeave()}
        />
        {hover && <SpanTooltip hover={hover} recording={ctl.recording} width={width} />}
        {selection && (
          <RangeSummaryPanel
            selection={selection}
            recording={ctl.recording}
            onClose={() => ctl.clearSelection()}
          />
        )}
      </div>
    </div>
  );
}
