/** The animated I/O-path diagram: pure layout, tokens and the journey, and the React components that draw them. */
export { layoutDiagram, diagramFontPx, findStation, boxById, boxExtent } from './layout/layout.ts';
export type {
  DiagramLayout,
  DiagramBox,
  DiagramConnector,
  LayoutParams,
  Layer,
  BoxKind,
  PartKind,
  Meter,
} from './layout/layout.ts';
export { modeRoute, routeFor, usedStops, stopKey } from './layout/route.ts';
export type { ModeRoute, RouteStop, HostStop, NamedArrow, RouteUse } from './layout/route.ts';
export {
  buildTokenIndex,
  tokensAt,
  computeTokens,
  resolveSpanBox,
  tokenAnchor,
  tokenKindOf,
  tokenColor,
} from './tokens/tokens.ts';
export type {
  Token,
  TokenKind,
  TokenIndex,
  TokenIndexOptions,
  SpanRecord,
  InstantRecord,
  TraceRecord,
} from './tokens/tokens.ts';
export { nearestToken } from './tokens/pickToken.ts';
export { drawTokens } from './tokens/drawTokens.ts';
export type { TokenContext, DrawOptions } from './tokens/drawTokens.ts';
export { TokenCanvas } from './tokens/TokenCanvas.tsx';
export type { TokenCanvasHandle, TokenCanvasProps } from './tokens/TokenCanvas.tsx';
export { journeyRows, journeySummary } from './journey/journey.ts';
export type { JourneyRow, JourneySummary } from './journey/journey.ts';
export type { LiveState, Gauge } from './live.ts';
export { IoPathDiagram } from './IoPathDiagram.tsx';
export type { IoPathDiagramProps } from './IoPathDiagram.tsx';
export { Waterfall, formatUs, journeyHeadline } from './journey/Waterfall.tsx';
export type { JourneyProgress, WaterfallProps } from './journey/Waterfall.tsx';
export { THEME, FADED_OPACITY } from './theme.ts';
