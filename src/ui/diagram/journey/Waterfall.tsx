import { useState, type CSSProperties, type ReactNode } from 'react';
import type { Op } from '../../../model/types.ts';
import { THEME } from '../theme.ts';
import type { SpanRecord } from '../tokens/tokens.ts';
import { journeyRows } from './journey.ts';
import { analyseJourney, spanExtentUs, type JourneyAnalysis, type StageGroup } from './journeyAnalysis.ts';
import { DOMAIN_PAINT, JOURNEY_TYPE, KIND_PAINT } from './journeyStyle.ts';
import { formatUs, journeySentence, pathExplanation, sideLabel } from './journeyText.ts';
import { TotalsBar } from './TotalsBar.tsx';

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

const cell: CSSProperties = {
  padding: '1px 6px',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  fontSize: JOURNEY_TYPE.body,
  lineHeight: '1.35',
  verticalAlign: 'middle',
};
/** The group's toggle looks like the row's text: the row is what a mouse clicks. */
const GROUP_BUTTON: CSSProperties = {
  background: 'none',
  border: 'none',
  borderRadius: 0,
  padding: 0,
  margin: 0,
  width: '100%',
  textAlign: 'left',
  font: 'inherit',
  color: 'inherit',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};
const num: CSSProperties = { ...cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' };
const head: CSSProperties = {
  ...cell,
  color: THEME.dim,
  fontWeight: 700,
  textAlign: 'left',
  borderBottom: `1px solid ${THEME.line}`,
};
const section: CSSProperties = {
  ...cell,
  paddingTop: 5,
  color: THEME.accent,
  fontWeight: 700,
  fontSize: JOURNEY_TYPE.small,
  letterSpacing: '0.02em',
};

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

function SectionRow({ text }: { text: string }) {
  return (
    <tbody>
      <tr>
        <td colSpan={4} style={section}>
          {text}
        </td>
      </tr>
    </tbody>
  );
}

/** The time axis: 0 at the left, its end at the right (the arrival is the dashed line, named in the section row). */
function AxisHead({ axisUs }: { axisUs: number }) {
  return (
    <span style={{ display: 'flex', justifyContent: 'space-between' }}>
      <span>0</span>
      <span>{formatUs(axisUs)} µs</span>
    </span>
  );
}

const pct = (us: number, axisUs: number) => `${((us / axisUs) * 100).toFixed(2)}%`;

/** A time track with the arrival marked: the row's stages as segments in their kind's paint. */
function Track({
  segments,
  axisUs,
  arrivalUs,
  faded,
}: {
  segments: readonly { startUs: number; durationUs: number; kind: keyof typeof KIND_PAINT; title: string }[];
  axisUs: number;
  arrivalUs: number | null;
  faded: boolean;
}) {
  return (
    <div style={{ position: 'relative', height: 14, background: THEME.bg, borderRadius: 2 }}>
      {arrivalUs !== null && (
        <div
          aria-hidden
          style={{
            position: 'absolute',
            top: -2,
            bottom: -2,
            left: pct(arrivalUs, axisUs),
            borderLeft: `1px dashed ${THEME.accent}`,
          }}
        />
      )}
      {segments.map((s, i) => (
        <div
          key={i}
          title={s.title}
          style={{
            position: 'absolute',
            top: 1,
            bottom: 1,
            left: pct(s.startUs, axisUs),
            width: pct(s.durationUs, axisUs),
            minWidth: 2,
            opacity: faded ? 0.55 : 1,
            ...KIND_PAINT[s.kind],
          }}
        />
      ))}
    </div>
  );
}

/** One group: its summary row (click to open) and its stages (hidden until opened). */
function GroupRows({
  group,
  a,
  spans,
  op,
  axisUs,
  compact,
  open,
  onToggle,
}: {
  group: StageGroup;
  a: JourneyAnalysis;
  spans: readonly SpanRecord[];
  op: Op;
  axisUs: number;
  compact: boolean;
  open: boolean;
  onToggle: () => void;
}) {
  const arrivalUs = a.arrived ? a.endToEndUs : null;
  const details = journeyRows(spans);
  const detailOf = (span: SpanRecord) => details[a.rows.findIndex((r) => r.span === span)];
  const stageTitle = (r: (typeof group.rows)[number]) => {
    const d = detailOf(r.span);
    return `${r.span.label}: ${formatUs(r.durationUs)} µs from ${formatUs(r.startUs)} µs · ${d?.domain ?? ''} · ${d?.categoryLabel ?? r.span.category} · ${r.span.component}`;
  };
  // Narrow panels name the host only (the headline says which host sends); the tooltip says it all.
  const side = group.side === 'between' ? '' : `${sideLabel(group.side, op)} h${group.host}`;
  const sideTag = group.side === 'between' ? '' : compact ? `h${group.host} ` : `${side} · `;
  const first = group.rows[0].span.label;
  const last = group.rows[group.rows.length - 1].span.label;
  const summary = group.rows.length === 1 ? first : `${first} → … → ${last}`;
  const dim = group.critical ? THEME.ink : THEME.dim;
  return (
    <tbody data-group={group.critical ? 'critical' : 'off'} data-side={group.side}>
      <tr
        onClick={onToggle}
        style={{ cursor: 'pointer', borderTop: `1px solid ${THEME.panel}` }}
        title={group.rows.map(stageTitle).join('\n')}
      >
        <td style={{ ...cell, color: dim, fontWeight: 700 }} title={`${side} ${group.lane}`.trim()}>
          {/* The keyboard's way to open the group (its click reaches the row's handler). */}
          <button type="button" aria-expanded={open} style={GROUP_BUTTON}>
            <span aria-hidden style={{ color: THEME.accent, display: 'inline-block', width: '0.9em' }}>
              {open ? '▾' : '▸'}
            </span>
            <span style={{ fontWeight: 400, fontSize: JOURNEY_TYPE.small }}>{sideTag}</span>
            {group.lane}
          </button>
        </td>
        <td style={{ ...cell, color: dim }}>
          {summary}
          {group.rows.length > 1 && <span style={{ color: THEME.faint }}> ({group.rows.length})</span>}
        </td>
        <td style={{ ...num, color: dim, fontWeight: 700 }}>{formatUs(group.busyUs)}</td>
        <td style={cell}>
          <Track
            axisUs={axisUs}
            arrivalUs={arrivalUs}
            faded={!group.critical}
            segments={group.rows.map((r) => ({ ...r, title: stageTitle(r) }))}
          />
        </td>
      </tr>
      {group.rows.map((r, i) => (
        <tr key={i} data-category={r.span.category} data-owner={r.span.owner} hidden={!open}>
          <td style={{ ...cell, color: THEME.dim, fontSize: JOURNEY_TYPE.small, paddingLeft: '1.6em' }}>
            {detailOf(r.span)?.domain} · {formatUs(r.startUs)}
          </td>
          <td style={{ ...cell, whiteSpace: 'normal', fontSize: JOURNEY_TYPE.small }} title={stageTitle(r)}>
            {r.span.label}
          </td>
          <td style={{ ...num, fontSize: JOURNEY_TYPE.small }}>{formatUs(r.durationUs)}</td>
          <td style={cell}>
            <Track
              axisUs={axisUs}
              arrivalUs={arrivalUs}
              faded={!r.critical}
              segments={[{ ...r, title: stageTitle(r) }]}
            />
          </td>
        </tr>
      ))}
    </tbody>
  );
}
