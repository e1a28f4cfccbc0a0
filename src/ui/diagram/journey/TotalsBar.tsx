import type { CSSProperties } from 'react';
import { THEME } from '../theme.ts';
import type { CostTotal } from './journeyAnalysis.ts';
import { JOURNEY_TYPE } from './journeyStyle.ts';
import { formatUs } from './journeyText.ts';

/**
 * A journey's critical path split one way (by kind of cost, or by domain): one stacked bar on the
 * journey's time scale (so two journeys compared side by side read against each other), and a
 * legend with each part's µs.
 */
export function TotalsBar<K extends string>({
  label,
  totals,
  paints,
  scaleUs,
  testId,
}: {
  label: string;
  totals: readonly CostTotal<K>[];
  paints: Readonly<Record<K, CSSProperties>>;
  scaleUs: number;
  testId?: string;
}) {
  const paint = (t: CostTotal<K>) => paints[t.key];
  return (
    <div
      data-testid={testId}
      style={{
        display: 'grid',
        gridTemplateColumns: '6.6em minmax(0, 1fr)',
        columnGap: 8,
        rowGap: 2,
        alignItems: 'center',
        fontSize: JOURNEY_TYPE.small,
      }}
    >
      <span style={{ color: THEME.dim, fontWeight: 700 }}>{label}</span>
      <div style={{ display: 'flex', height: 14, background: THEME.bg, borderRadius: 2, overflow: 'hidden' }}>
        {totals.map((t) => (
          <div
            key={t.key}
            title={`${t.label}: ${formatUs(t.us)} µs`}
            style={{ width: `${((t.us / scaleUs) * 100).toFixed(2)}%`, minWidth: 2, ...paint(t) }}
          />
        ))}
      </div>
      <span />
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 12, rowGap: 0 }}>
        {totals.map((t) => (
          <span key={t.key} data-key={t.key} title={t.label} style={{ whiteSpace: 'nowrap' }}>
            <span
              aria-hidden
              style={{ display: 'inline-block', width: 10, height: 10, marginRight: 4, ...paint(t) }}
            />
            {t.short} <b style={{ fontVariantNumeric: 'tabular-nums' }}>{formatUs(t.us)}</b>
          </span>
        ))}
      </div>
    </div>
  );
}
