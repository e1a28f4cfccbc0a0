/**
 * Copies the computed look of an on-screen SVG into a clone of it. Page stylesheets, CSS variables
 * (`var(--ink)`) and inherited fonts are lost when an SVG is serialized on its own, so every
 * presentation property the page resolves is written into each element's `style` attribute;
 * inherited ones only where they differ from the parent's, to keep the file small.
 */

/** Inherited presentation properties: written where they differ from the parent's value. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'visibility',
  'color',
] as const;

/** Properties that are not inherited: written only when they are not their initial value. */
const OWN: readonly (readonly [string, string])[] = [
  ['opacity', '1'],
  ['display', 'inline'],
];

/** Elements whose look does not matter (metadata) or which only exist while the pointer hovers. */
const SKIP_STYLE = new Set(['title', 'desc', 'metadata', 'style']);

/**
 * Writes the computed styles of `src` and its descendants onto `dst`, a deep clone of it (same
 * structure). `parent` is the computed style of `src`'s parent, or null for the root, which gets
 * every inherited property.
 */
export function inlineComputedStyles(src: Element, dst: Element, parent: CSSStyleDeclaration | null): void {
  if (SKIP_STYLE.has(src.tagName.toLowerCase())) return;
  const cs = getComputedStyle(src);
  const decls: string[] = [];
  for (const p of INHERITED) {
    const v = cs.getPropertyValue(p);
    if (v && (!parent || parent.getPropertyValue(p) !== v)) decls.push(`${p}:${v}`);
  }
  for (const [p, initial] of OWN) {
    const v = cs.getPropertyValue(p);
    if (v && v !== initial && !(p === 'display' && v !== 'none')) decls.push(`${p}:${v}`);
  }
  // Through the CSSOM, not setAttribute('style'): the page's Content-Security-Policy refuses inline
  // style attributes (style-src has no 'unsafe-inline'), but not styles set by script this way.
  if (decls.length > 0) (dst as SVGElement).style.cssText = decls.join(';');
  else dst.removeAttribute('style');
  const a = src.children;
  const b = dst.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineComputedStyles(a[i], b[i], cs);
}

/** A deep clone of an on-screen SVG with its computed styles written in, ready to stand alone. */
export function standaloneClone(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(svg, clone, null);
  // What only the pointer shows (a hover read-out) and what only the page uses (focus, events).
  for (const el of clone.querySelectorAll('[data-testid="hover"]')) el.remove();
  clone.removeAttribute('tabindex');
  return clone;
}
