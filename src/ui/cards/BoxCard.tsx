// The card beside a clicked box: placed next to it (never over it), closed by Esc or a click outside.
import { useCallback, useEffect, useId, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { CardBody } from './CardBody.tsx';
import { placeCard } from './placement.ts';
import { cardTargetOf, cardTitle, type CardTarget } from './target.ts';
import './cards.css';

/**
 * The card a diagram opens, and the handlers that open it: a click on a box or a vCPU gauge, or
 * Enter / Space on a focused box. Space on a box opens its card instead of playing the run.
 */
export function useBoxCard() {
  const [target, setTarget] = useState<CardTarget | null>(null);
  const close = useCallback(() => setTarget(null), []);
  const onClick = useCallback((e: React.MouseEvent) => {
    const t = cardTargetOf(e.target as Element);
    if (t) setTarget(t);
  }, []);
  const onKeyDown = useCallback((e: React.KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const t = cardTargetOf(e.target as Element);
    if (!t) return;
    e.preventDefault();
    e.stopPropagation(); // the page's Space is play / pause
    setTarget(t);
  }, []);
  return { target, close, onClick, onKeyDown };
}

/** Width of a card, px: wide enough for a source line, narrow enough to sit beside a box at 1366 px. */
const CARD_WIDTH_PX = 430;
/** Space kept between a card and the edges of the area it may cover, px. */
const CARD_MARGIN_PX = 6;

/**
 * The card, in a portal over the page (so it may extend past the diagram), placed beside its box
 * every time the page re-renders it. `layoutKey` changes when the diagram is laid out again.
 */
export function BoxCard({
  target,
  onClose,
  layoutKey,
}: {
  target: CardTarget;
  onClose: () => void;
  layoutKey: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // A resized window moves the box: render again, and the layout effect places the card again.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    addEventListener('resize', rerender);
    return () => removeEventListener('resize', rerender);
  }, []);

  // Beside its box, after every render: the box moves when the diagram is laid out again.
  useLayoutEffect(() => {
    const card = ref.current;
    const anchor = document.querySelector(target.selector);
    if (!card) return;
    if (!anchor) {
      onClose(); // the box is gone (another mode's diagram)
      return;
    }
    const a = anchor.getBoundingClientRect();
    // Below the header and the toolbar (they stay usable), over the diagram and the charts.
    const main = document.querySelector('.app-main')?.getBoundingClientRect();
    const bounds = main
      ? { x: main.left, y: main.top, w: main.width, h: main.height }
      : { x: 0, y: 0, w: innerWidth, h: innerHeight };
    card.style.maxHeight = `${Math.round(bounds.h - 2 * CARD_MARGIN_PX)}px`;
    const p = placeCard(
      { x: a.left, y: a.top, w: a.width, h: a.height },
      { w: card.offsetWidth, h: card.offsetHeight },
      bounds,
      12,
      CARD_MARGIN_PX,
    );
    card.style.left = `${Math.round(p.x)}px`;
    card.style.top = `${Math.round(p.y)}px`;
    card.dataset.side = p.side;
    card.dataset.clear = String(p.clear);
  });

  // A new box: take the focus, so a screen reader reads the card and Tab walks it.
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, [target.selector]);

  // Esc closes and gives the focus back to the box; a press anywhere outside the card closes it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      onClose();
      const box = document.querySelector(target.selector);
      if (box instanceof SVGElement || box instanceof HTMLElement) box.focus({ preventScroll: true });
    };
    const onDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    addEventListener('keydown', onKey);
    addEventListener('pointerdown', onDown, true);
    return () => {
      removeEventListener('keydown', onKey);
      removeEventListener('pointerdown', onDown, true);
    };
  }, [onClose, target.selector]);

  void layoutKey; // only to re-render: a new layout moves the box, and the layout effect follows it
  const topic = target.kind === 'station' ? target.station : target.kind === 'part' ? target.part : 'vcpu';
  return createPortal(
    <div
      ref={ref}
      className="box-card"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid="box-card"
      data-topic={topic}
      data-for={target.selector}
      style={{ width: CARD_WIDTH_PX }}
    >
      <header className="box-card-head">
        <h2 id={titleId}>{cardTitle(target)}</h2>
        <button type="button" className="box-card-close" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      <div className="box-card-body">
        <CardBody target={target} />
      </div>
    </div>,
    document.body,
  );
}
