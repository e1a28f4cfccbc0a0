import { createContext, useContext } from 'react';

/**
 * Which diagram is drawn: the main one (the current scenario, B: its boxes open cards, and its
 * attributes are the page's test contract: `[data-box]`, `[data-used]`, `[data-gauge]`,
 * `svg[data-mode]`), or the pinned scenario A's drawn beside it. A's carries the same attributes
 * under a `data-a-` prefix (`data-a-box`), its marker ids too, and its boxes are not Tab stops, so
 * a page-wide query or a card's anchor still finds exactly one diagram: B's.
 */
export type DiagramScope = 'main' | 'a';

export const DiagramScopeContext = createContext<DiagramScope>('main');

export const useDiagramScope = (): DiagramScope => useContext(DiagramScopeContext);

/** An attribute's or an id's name in a scope: `data-box` stays, A's is `data-a-box`; `arrow-path` → `a-arrow-path`. */
export function scopedName(scope: DiagramScope, name: string): string {
  if (scope === 'main') return name;
  return name.startsWith('data-') ? `data-${scope}-${name.slice(5)}` : `${scope}-${name}`;
}

/** A set of `data-*` attributes with each name in the scope (values unchanged). */
export function scopedAttrs<T extends Record<string, unknown>>(
  scope: DiagramScope,
  attrs: T,
): Record<string, unknown> {
  if (scope === 'main') return attrs;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) out[scopedName(scope, k)] = v;
  return out;
}
