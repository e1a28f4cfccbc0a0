import { formatBytes, formatClockNs } from '../../lib/format.ts';
import { DOMAINS } from '../../model/categories.ts';
import { useApp, type AppState } from '../../store/index.ts';
import { CATEGORY_ORDER } from '../panels/chartData.ts';
import { formatSpanNs } from './timelineAxis.ts';
import { categoryLabel, spanColour } from './timelineColours.ts';
import type { HoverInfo } from './timelineController.ts';
import type { Recording } from './timelineRows.ts';

/** Published a few times a second: what makes the panels below read the recording again. */
const selectNow = (s: AppState) => s.readout.nowNs;

const domainName = (owner: string) =>
  Object.hasOwn(DOMAINS, owner) ? DOMAINS[owner as keyof typeof DOMAINS] : owner;
/** Short names for the summary's narrow table. */
const SHORT_DOMAIN: Readonly<Record<string, string>> = {
  dom0: 'Dom0',
  vm: 'VM',
  stubdom: 'stub',
  linux: 'Linux',
};

/** The selected range: its CPU by domain and category, bytes arrived, messages delivered. */
export function RangeSummaryPanel({
  selection,
  recording,
  onClose,
}: {
  selection: { fromNs: number; toNs: number };
  recording: Recording;
  onClose: () => void;
}) {
  const nowNs = useApp(selectNow);
  const toNs = Math.min(selection.toNs, Math.max(nowNs, selection.fromNs));
  const sum = recording.summary(selection.fromNs, toNs);
  const rows = sum.cpu.slice(0, 5);
  return (
    <section
      className="timeline-summary"
      data-testid="timeline-summary"
      data-cpu-ns={sum.cpuTotalNs}
      data-bytes={sum.bytesArrived}
      data-messages={sum.messagesDelivered}
      aria-label="Selected range"
    >
      <header>
        <strong>{formatSpanNs(sum.toNs - sum.fromNs)}</strong>
        <span className="range">
          {formatClockNs(sum.fromNs)} – {formatClockNs(sum.toNs)}
        </span>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close the range"
          data-testid="timeline-summary-close"
        >
          ×
        </button>
      </header>
      <p>
        CPU <strong data-testid="timeline-summary-cpu">{formatSpanNs(sum.cpuTotalNs)}</strong> ·{' '}
        {formatBytes(sum.bytesArrived)} arrived · {sum.messagesDelivered} delivered
      </p>
      {rows.length > 0 && (
        <table>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.owner}/${r.category}`}>
                <td title={domainName(r.owner)}>{SHORT_DOMAIN[r.owner] ?? r.owner}</td>
                <td>
                  <span className="swatch" style={{ background: spanColour(r.category) }} />
                  {categoryLabel(r.category)}
                </td>
                <td className="num">{formatSpanNs(r.ns)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sum.cpu.length > rows.length && <p className="more">and {sum.cpu.length - rows.length} smaller</p>}
    </section>
  );
}

/** What the span under the pointer is. */
export function SpanTooltip({
  hover,
  recording,
  width,
}: {
  hover: HoverInfo;
  recording: Recording;
  width: number;
}) {
  const s = recording.span(hover.index);
  const left = Math.min(hover.x + 14, Math.max(0, width - 300));
  return (
    <div className="timeline-tooltip" style={{ left, top: hover.y + 16 }} data-testid="timeline-tooltip">
      <strong>{s.label}</strong>
      <span>
        {categoryLabel(s.category)} · {s.owner === 'hw' ? 'hardware' : domainName(s.owner)}
      </span>
      <span>
        {formatSpanNs(s.endNs - s.startNs)} from {formatClockNs(s.startNs)}
      </span>
      {s.messageId >= 0 && <span>message #{s.messageId}: click for its journey</span>}
    </div>
  );
}

/** The categories on screen, in the CPU chart's order and colours, then the hardware's. */
export function TimelineLegend({ categories: names }: { categories: readonly string[] }) {
  const present = new Set(names);
  // CPU categories only: the hardware's rows (DMA, wire) say what they are.
  const cpu = CATEGORY_ORDER.filter((c) => present.has(c));
  return (
    <ul className="timeline-legend" aria-label="Colours" title={cpu.map(categoryLabel).join(', ')}>
      {cpu.map((c) => (
        <li key={c}>
          <span className="swatch" style={{ background: spanColour(c) }} />
          {categoryLabel(c)}
        </li>
      ))}
    </ul>
  );
}
