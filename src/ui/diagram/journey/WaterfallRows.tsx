import type { CSSProperties } from 'react';
import type { Op } from '../../../model/types.ts';
import { THEME } from '../theme.ts';
import type { SpanRecord } from '../tokens/tokens.ts';
import { journeyRows } from './journey.ts';
import type { JourneyAnalysis, StageGroup } from './journeyAnalysis.ts';
import { JOURNEY_TYPE, KIND_PAINT } from './journeyStyle.ts';
import { formatUs, sideLabel } from './journeyText.ts';

/* The waterfall's table: its cells, the rows of a group of stages and their time tracks. */

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
export const head: CSSProperties = {
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

export function SectionRow({ text }: { text: string }) {
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
export function AxisHead({ axisUs }: { axisUs: number }) {
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
export function GroupRows({
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
