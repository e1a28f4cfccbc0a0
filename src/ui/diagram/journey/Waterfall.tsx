import { useState, type ReactNode } from 'react';
import type { Op } from '../../../model/types.ts';
import { THEME } from '../theme.ts';
import type { SpanRecord } from '../tokens/tokens.ts';
import { analyseJourney, spanExtentUs } from './journeyAnalysis.ts';
import { DOMAIN_PAINT, JOURNEY_TYPE, KIND_PAINT } from './journeyStyle.ts';
import { formatUs, journeySentence, pathExplanation, sideLabel } from './journeyText.ts';
import { TotalsBar } from './TotalsBar.tsx';
import { AxisHead, GroupRows, SectionRow, head } from './WaterfallRows.tsx';

export { formatUs } from './journeyText.ts';

export interface WaterfallProps {
  /** The spans of one message id. */
  spans: readonly SpanRecord[];
  title?: string;
  /** Narrow panels: tighter columns (the stage names stay in each row's tooltip and its expansion). */
  compact?: boolean;
  /** Whether the message has arrived (the default): only then is its total "end to end". */
  progress?: JourneyProgress;
  /** The operation, to name the sides: a WRITE's issuer sends the data, a READ's receives it. */
  op?: Op;
  /** Right end of the time axis and of the totals' bars, µs: two journeys compared share one. */
  scaleUs?: number;
  testId?: string;
  /** Controls shown at the end of the headline (the panel's "compare" button). */
  actions?: ReactNode;
}

/**
 * A journey's state: arrived (end to end: from its first stage to its arrival, when known; work
 * after it, such as acknowledgements and completions, is drawn but not counted), or still on its
 * way (for how long).
 */
export type JourneyProgress = { kind: 'arrived'; endToEndUs?: number } | { kind: 'in-flight'; forUs: number };

/** The journey's headline: "… µs end to end" only for a message that has arrived. */
export function journeyHeadline(totalUs: number, progress: JourneyProgress): string {
  if (progress.kind === 'in-flight') return `in flight for ${formatUs(progress.forUs)} µs`;
  return `${formatUs(progress.endToEndUs ?? totalUs)} µs end to end`;
}

const ARRIVED: JourneyProgress = { kind: 'arrived' };

/** When the message arrived, ns, from its progress (a journey without one ends at its last stage). */
function arrivalNs(spans: readonly SpanRecord[], progress: JourneyProgress): number | null {
  if (progress.kind === 'in-flight' || spans.length === 0) return null;
  const t0 = Math.min(...spans.map((s) => s.startNs));
  if (progress.endToEndUs === undefined) return Math.max(...spans.map((s) => s.endNs));
  return t0 + Math.round(progress.endToEndUs * 1_000);
}

/**
 * A message's journey, explained: its end-to-end time, one sentence on where it went, its time by
 * kind of cost and by domain (along the critical path, so both add up to the end-to-end time), why
 * all its stages add up to more, and the stages themselves, grouped into rows of consecutive stages
 * of one domain on one host, the critical path first and the work alongside or after it below.
 * A row opens to list its stages.
 */
export function Waterfall({
  spans,
  title,
  compact = false,
  progress = ARRIVED,
  op = 'write',
  scaleUs,
  testId,
  actions,
}: WaterfallProps) {
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  const a = analyseJourney({ spans, arrivedNs: arrivalNs(spans, progress) });
  const extentUs = spanExtentUs(spans);
  const axisUs = Math.max(scaleUs ?? 0, extentUs, 1e-9);
  const issuer = a.rows[0]?.host ?? null;
  const target = a.rows.find((r) => r.side === 'target')?.host ?? null;
  const toggle = (i: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(i)) next.add(i);
      return next;
    });
  const critical = a.groups.filter((g) => g.critical);
  const off = a.groups.filter((g) => !g.critical);
  return (
    <figure
      className="waterfall"
      data-testid={testId}
      data-total-us={formatUs(a.endToEndUs)}
      data-progress={progress.kind}
      style={{
        margin: 0,
        color: THEME.ink,
        fontFamily: THEME.font,
        display: 'flex',
        flexDirection: 'column',
        gap: 4,
        height: '100%',
        minHeight: 0,
      }}
    >
      <figcaption style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'baseline', flexWrap: 'wrap' }}>
          {title && <strong style={{ fontSize: JOURNEY_TYPE.head }}>{title}</strong>}
          <span
            style={{ fontSize: JOURNEY_TYPE.head, fontWeight: 700, color: THEME.accent }}
            data-testid="waterfall-total"
          >
            {journeyHeadline(a.endToEndUs, progress)}
          </span>
          {issuer !== null && target !== null && (
            <span style={{ fontSize: JOURNEY_TYPE.small, color: THEME.dim }} data-testid="journey-direction">
              {sideLabel('issuer', op)} h{issuer} → {sideLabel('target', op)} h{target}
            </span>
          )}
          {actions && <span style={{ marginLeft: 'auto' }}>{actions}</span>}
        </div>
        {a.rows.length > 0 && (
          <p
            style={{ margin: 0, fontSize: JOURNEY_TYPE.body, fontWeight: 600 }}
            data-testid="journey-sentence"
          >
            {journeySentence(a)}
          </p>
        )}
      </figcaption>
      {a.rows.length === 0 ? (
        <p style={{ color: THEME.dim, fontSize: JOURNEY_TYPE.body, margin: 0 }}>No spans for this message.</p>
      ) : (
        <>
          <TotalsBar
            label="by kind"
            testId="journey-by-kind"
            totals={a.byKind}
            paints={KIND_PAINT}
            scaleUs={axisUs}
          />
          <TotalsBar
            label="by domain"
            testId="journey-by-domain"
            totals={a.byDomain}
            paints={DOMAIN_PAINT}
            scaleUs={axisUs}
          />
          <p
            style={{ margin: 0, fontSize: JOURNEY_TYPE.small, color: THEME.dim }}
            data-testid="journey-paths"
          >
            {pathExplanation(a)}
          </p>
          <div
            style={{ flex: '1 1 auto', minHeight: 0, overflow: 'auto' }}
            data-testid="journey-rows"
            // It scrolls: a keyboard must be able to reach it to scroll it.
            tabIndex={0}
            role="region"
            aria-label="Stages of the journey"
          >
            <table style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' }}>
              <colgroup>
                <col style={{ width: compact ? '25%' : '30%' }} />
                <col style={{ width: compact ? '30%' : '28%' }} />
                <col style={{ width: compact ? '11%' : '8%' }} />
                <col style={{ width: compact ? '34%' : '34%' }} />
              </colgroup>
              <thead>
                <tr>
                  <th style={head}>where</th>
                  <th style={head}>stages</th>
                  <th style={{ ...head, textAlign: 'right' }}>µs</th>
                  <th style={head}>
                    <AxisHead axisUs={axisUs} />
                  </th>
                </tr>
              </thead>
              <SectionRow
                text={
                  a.arrived
                    ? `critical path · ${formatUs(a.endToEndUs)} µs, up to the arrival ┊`
                    : `critical path so far · ${formatUs(a.endToEndUs)} µs`
                }
              />
              {critical.map((g, i) => (
                <GroupRows
                  key={`c${i}`}
                  group={g}
                  a={a}
                  spans={spans}
                  op={op}
                  axisUs={axisUs}
                  compact={compact}
                  open={open.has(i)}
                  onToggle={() => toggle(i)}
                />
              ))}
              {off.length > 0 && (
                <SectionRow
                  text={`off the critical path (adds no latency) · ${formatUs(a.parallelUs + a.afterUs)} µs`}
                />
              )}
              {off.map((g, j) => (
                <GroupRows
                  key={`o${j}`}
                  group={g}
                  a={a}
                  spans={spans}
                  op={op}
                  axisUs={axisUs}
                  compact={compact}
                  open={open.has(critical.length + j)}
                  onToggle={() => toggle(critical.length + j)}
                />
              ))}
            </table>
          </div>
        </>
      )}
    </figure>
  );
}
