/** The animated I/O-path diagram: pure layout, routes and tokens, and the React components that draw them. */
export { layoutDiagram, diagramFontPx, findStation, boxById, boxExtent } from './layout.ts';
export type {
  DiagramLayout,
  DiagramBox,
  DiagramConnector,
  LayoutParams,
  Layer,
  BoxKind,
  PartKind,
  Meter,
} from './layout.ts';
export { modeRoute, routeFor, usedStops, stopKey, ARROWS } from './routes.ts';
export type { ModeRoute, RouteStop, HostStop, Place, ArrowName, NamedArrow } from './routes.ts';
export {
  buildTokenIndex,
  tokensAt,
  computeTokens,
  resolveSpanBox,
  tokenAnchor,
  tokenKindOf,
  tokenColor,
} from './tokens.ts';
export type {
  Token,
  TokenKind,
  TokenIndex,
  TokenIndexOptions,
  SpanRecord,
  InstantRecord,
  TraceRecord,
} from './tokens.ts';
export { drawTokens } from './drawTokens.ts';
export type { TokenContext, DrawOptions } from './drawTokens.ts';
export { journeyRows, journeySummary } from './journey.ts';
export type { JourneyRow, JourneySummary } from './journey.ts';
export type { LiveState, Gauge } from './live.ts';
export { IoPathDiagram } from './IoPathDiagram.tsx';
export type { IoPathDiagramProps } from './IoPathDiagram.tsx';
export { TokenCanvas } from './TokenCanvas.tsx';
export type { TokenCanvasHandle, TokenCanvasProps } from './TokenCanvas.tsx';
export { Waterfall, formatUs, journeyHeadline } from './Waterfall.tsx';
export type { JourneyProgress, WaterfallProps } from './Waterfall.tsx';
export { DIAGRAM_MODES } from './modes.ts';
export { THEME, FADED_OPACITY } from './theme.ts';
export { sampleJourney, PV_TCP_STAGES, ZERO_COPY_STAGES } from './sampleJourneys.ts';
