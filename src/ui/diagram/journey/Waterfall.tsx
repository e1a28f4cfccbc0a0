import type { CSSProperties } from 'react';
import { journeySummary, type JourneyRow } from './journey.ts';
import { DOMAIN_COLOURS, THEME } from '../theme.ts';
import type { SpanRecord } from '../tokens/tokens.ts';

export interface WaterfallProps {
  /** The spans of one message id. */
  spans: readonly SpanRecord[];
  title?: string;
  /** Narrow panels: domain and category move into each stage's tooltip. */
  compact?: boolean;
  /** Whether the message has arrived (the default): only then is its total "end to end". */
  progress?: JourneyProgress;
}

/**
 * A journey's state: arrived (end to end: from its first stage to its arrival, when known; work
 * after it, such as acknowledgements and completions, is drawn but not counted), or still on its
 * way (for how long).
 */
export type JourneyProgress =
  { kind: 'arrived'; endToEndUs?: number } | { kind: 'in-flight'; forUs: number };

/** The journey's headline: "… µs end to end" only for a message that has arrived. */
export function journeyHeadline(totalUs: number, progress: JourneyProgress): string {
  if (progress.kind === 'in-flight') return `in flight for ${formatUs(progress.forUs)} µs`;
  return `${formatUs(progress.endToEndUs ?? totalUs)} µs end to end`;
}

/** µs with two decimals below 10 µs, one below 100 µs, none above: enough for stages of 0.1–100 µs. */
export function formatUs(us: number): string {
  if (!Number.isFinite(us)) return '–';
  const a = Math.abs(us);
  return a < 10 ? us.toFixed(2) : a < 100 ? us.toFixed(1) : us.toFixed(0);
}

/** Bar colour and pattern per row: by who did the work (Xen's work, charged to a domain, in Xen's colour). */
function barStyle(row: JourneyRow): CSSProperties {
  if (row.owner === 'wait') {
    return {
      background: `repeating-linear-gradient(135deg, ${THEME.faint} 0 3px, transparent 3px 7px)`,
      border: `1px solid ${THEME.dim}`,
    };
  }
  const key = row.domain.startsWith('Xen')
    ? 'xen'
    : row.owner === 'hw'
      ? 'nic'
      : row.owner in DOMAIN_COLOURS
        ? (row.owner as keyof typeof DOMAIN_COLOURS)
        : /^vm/.test(row.owner)
          ? 'vm'
          : 'nic';
  return { background: DOMAIN_COLOURS[key].stroke };
}

const cell: CSSProperties = {
  padding: '2px 8px',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  fontSize: 15,
  lineHeight: '20px',
};
const num: CSSProperties = { ...cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' };
const head: CSSProperties = {
  ...cell,
  color: THEME.dim,
  fontWeight: 700,
  textAlign: 'left',
  borderBottom: `1px solid ${THEME.line}`,
};

const ARRIVED: JourneyProgress = { kind: 'arrived' };

/**
 * A message's journey as a waterfall: one row per stage (label, domain, category, start offset and
 * duration in µs, and a bar on a common time axis), with the total in µs (end to end once arrived).
 */
export function Waterfall({ spans, title, compact = false, progress = ARRIVED }: WaterfallProps) {
  const { rows, totalUs, sumUs } = journeySummary(spans);
  const scale = totalUs > 0 ? totalUs : 1;
  return (
    <figure
      className="waterfall"
      data-total-us={formatUs(totalUs)}
      data-progress={progress.kind}
      style={{ margin: 0, color: THEME.ink, fontFamily: THEME.font }}
    >
      <figcaption style={{ display: 'flex', gap: 16, alignItems: 'baseline', marginBottom: 6 }}>
        {title && <strong style={{ fontSize: 18 }}>{title}</strong>}
        <span style={{ fontSize: 18, fontWeight: 700, color: THEME.accent }} data-testid="waterfall-total">
          {journeyHeadline(totalUs, progress)}
        </span>
        {rows.length > 0 && (
          <span style={{ fontSize: 15, color: THEME.dim }}>
            {rows.length} stages, {formatUs(sumUs)} µs of work and waiting
          </span>
        )}
      </figcaption>
      {rows.length === 0 ? (
        <p style={{ color: THEME.dim, fontSize: 15, margin: 0 }}>No spans for this message.</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' }}>
          {compact ? (
            <colgroup>
              <col style={{ width: '42%' }} />
              <col style={{ width: '14%' }} />
              <col style={{ width: '12%' }} />
              <col style={{ width: '32%' }} />
            </colgroup>
          ) : (
            <colgroup>
              <col style={{ width: '21%' }} />
              <col style={{ width: '16%' }} />
              <col style={{ width: '16%' }} />
              <col style={{ width: '9%' }} />
              <col style={{ width: '7%' }} />
              <col style={{ width: '31%' }} />
            </colgroup>
          )}
          <thead>
            <tr>
              <th style={head}>stage</th>
              {!compact && <th style={head}>domain</th>}
              {!compact && <th style={head}>category</th>}
              <th style={{ ...head, textAlign: 'right' }}>start µs</th>
              <th style={{ ...head, textAlign: 'right' }}>µs</th>
              <th style={head}>0 – {formatUs(totalUs)} µs</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-category={r.category} data-owner={r.owner}>
                <td
                  style={{ ...cell, fontWeight: 600 }}
                  title={`${r.label} · ${r.domain} · ${r.categoryLabel}`}
                >
                  {r.label}
                </td>
                {!compact && (
                  <td style={{ ...cell, color: THEME.dim }} title={r.domain}>
                    {r.host !== null ? `${r.domain} · h${r.host}` : r.domain}
                  </td>
                )}
                {!compact && (
                  <td style={{ ...cell, color: THEME.dim }} title={r.categoryLabel}>
                    {r.categoryLabel}
                  </td>
                )}
                <td style={num}>{formatUs(r.startUs)}</td>
                <td style={{ ...num, fontWeight: 700 }}>{formatUs(r.durationUs)}</td>
                <td style={{ ...cell, padding: '2px 8px' }}>
                  <div style={{ position: 'relative', height: 14, background: THEME.bg, borderRadius: 2 }}>
                    <div
                      title={`${r.label}: ${formatUs(r.durationUs)} µs from ${formatUs(r.startUs)} µs`}
                      style={{
                        position: 'absolute',
                        top: 0,
                        bottom: 0,
                        left: `${((r.startUs / scale) * 100).toFixed(2)}%`,
                        width: `${((r.durationUs / scale) * 100).toFixed(2)}%`,
                        minWidth: 2,
                        borderRadius: 2,
                        ...barStyle(r),
                      }}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
