import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { highlightedBoxIds } from '../../tour/scene.ts';

interface Outline {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const PAD_PX = 4;

/**
 * Outlines the step's boxes on the diagram, over it (the diagram itself is not touched): measured
 * from its `[data-box]` elements, again whenever the diagram redraws or resizes. Names the
 * highlights the diagram does not have. Keyed by step by its parent, so it starts empty at each step.
 */
export function TourHighlights({
  highlight,
  onMissing,
}: {
  highlight: readonly string[];
  onMissing: (missing: string[]) => void;
}) {
  const [outlines, setOutlines] = useState<Outline[]>([]);
  useEffect(() => {
    const stage = document.querySelector<HTMLElement>('[data-testid="diagram"]');
    if (!stage) return;
    let key = '';
    const measure = () => {
      const boxes = [...stage.querySelectorAll<SVGGraphicsElement>('[data-box]')];
      const ids = boxes.map((b) => b.dataset.box ?? '');
      const chosen = new Set(highlightedBoxIds(highlight, ids));
      const next = boxes
        .filter((b) => chosen.has(b.dataset.box ?? ''))
        .map((b) => {
          // A domain's title pill sits on its border: the outline goes round both.
          const title = stage.querySelector(`[data-title-of="${CSS.escape(b.dataset.box!)}"]`);
          const r = union(b.getBoundingClientRect(), title?.getBoundingClientRect());
          return {
            id: b.dataset.box!,
            x: r.x - PAD_PX,
            y: r.y - PAD_PX,
            w: r.width + 2 * PAD_PX,
            h: r.height + 2 * PAD_PX,
          };
        })
        .filter((o) => o.w > 2 * PAD_PX);
      const nextKey = JSON.stringify(
        next.map((o) => [o.id, Math.round(o.x), Math.round(o.y), Math.round(o.w), Math.round(o.h)]),
      );
      if (nextKey === key) return;
      key = nextKey;
      setOutlines(next);
      onMissing(highlight.filter((h) => highlightedBoxIds([h], ids).length === 0));
    };
    measure();
    // The diagram redraws its SVG when the layout changes (mode, size): measure again then.
    const mutations = new MutationObserver(measure);
    mutations.observe(stage, { childList: true, subtree: true });
    const resize = new ResizeObserver(measure);
    resize.observe(stage);
    addEventListener('resize', measure);
    return () => {
      mutations.disconnect();
      resize.disconnect();
      removeEventListener('resize', measure);
    };
  }, [highlight, onMissing]);
  return createPortal(
    <div className="tour-highlights" aria-hidden="true">
      {outlines.map((o) => (
        <div
          key={o.id}
          className="tour-highlight"
          data-testid="tour-highlight"
          data-box-id={o.id}
          style={{ left: o.x, top: o.y, width: o.w, height: o.h }}
        />
      ))}
    </div>,
    document.body,
  );
}

function union(a: DOMRect, b: DOMRect | undefined): DOMRect {
  if (!b || b.width === 0) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return new DOMRect(x, y, Math.max(a.right, b.right) - x, Math.max(a.bottom, b.bottom) - y);
}
