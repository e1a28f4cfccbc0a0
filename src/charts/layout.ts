/**
 * Layout arithmetic shared by the charts: text widths (estimated, so layout is a pure function
 * that also runs in Node), legend rows, plot margins, and guards that keep bad numbers out of SVG.
 */

const NARROW = new Set([..."il.,:;!|'`()[]{}/ "]);
const WIDE = new Set([...'mwMW%@']);

/**
 * The width in px of `text` in a sans-serif font of `fontSize` px (bold: about 10% wider), a little
 * generous so that labels never collide: DejaVu Sans, the widest likely fallback, averages about
 * 0.6 em per character.
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.34;
    else if (WIDE.has(ch)) em += 0.95;
    else if (ch >= 'A' && ch <= 'Z') em += 0.72;
    else em += 0.62;
  }
  return em * fontSize * (bold ? 1.1 : 1);
}

/** A finite number, or `fallback`: the last line of defence before a value reaches an attribute. */
export function finite(value: number, fallback = 0): number {
  return Number.isFinite(value) ? value : fallback;
}

/**
 * Whether a value can be drawn: finite and within ±1e300, so that padding a domain or rounding it
 * to nice values cannot overflow. On a log axis it must also be at least 1e-300 (`positive`).
 */
export function drawable(value: number, positive = false): boolean {
  return Number.isFinite(value) && Math.abs(value) <= 1e300 && (!positive || value >= 1e-300);
}

/** Rounds to 0.01 px: shorter markup, stable snapshots, no "1e-7" in attributes. */
export function px(value: number): number {
  const v = Math.round(finite(value) * 100) / 100;
  return Object.is(v, -0) ? 0 : v;
}

/** A chart size in px: at least `min` (so the layout never inverts), at most 16384 (browsers' limit). */
export function chartSize(value: number, min: number): number {
  return Number.isFinite(value) ? Math.min(16384, Math.max(min, value)) : min;
}

/** Height in px, above a plot, of the strip that holds the current-size marker's label. */
export function markerStrip(fontSize: number): number {
  return fontSize + 14;
}

export type Box = { left: number; top: number; width: number; height: number };

export type LegendEntry = { key: string; label: string };
export type PlacedLegendEntry = LegendEntry & { x: number; y: number; width: number };
export type LegendLayout = { items: PlacedLegendEntry[]; height: number };

/** Width of a legend swatch and the gap after it, in px at a legend font of `fontSize`. */
export function swatchWidth(fontSize: number): number {
  return fontSize * 2.6;
}

/**
 * Places legend entries left to right, wrapping into rows within `maxWidth`. Positions are the
 * top-left corner of each entry relative to the legend's origin.
 */
export function layoutLegend(
  entries: readonly LegendEntry[],
  maxWidth: number,
  fontSize: number,
): LegendLayout {
  const rowHeight = fontSize * 1.6;
  const gap = fontSize * 1.2;
  const items: PlacedLegendEntry[] = [];
  let x = 0;
  let y = 0;
  for (const entry of entries) {
    const width = swatchWidth(fontSize) + estimateTextWidth(entry.label, fontSize);
    if (x > 0 && x + width > maxWidth) {
      x = 0;
      y += rowHeight;
    }
    items.push({ ...entry, x, y, width });
    x += width + gap;
  }
  return { items, height: items.length === 0 ? 0 : y + rowHeight };
}

/**
 * Every `step`-th label is shown: the smallest step at which the shown labels do not overlap
 * (`positions` ascending, in px; `widths` the label widths), or a slightly larger one that also
 * labels the last position (64 B … 4 MiB rather than 64 B … 2 MiB).
 */
export function labelStep(positions: readonly number[], widths: readonly number[], minGap: number): number {
  const n = positions.length;
  const min = minimalStep(positions, widths, minGap);
  for (let step = min; step <= Math.min(2 * min, n - 1); step++) if ((n - 1) % step === 0) return step;
  return min;
}

function minimalStep(positions: readonly number[], widths: readonly number[], minGap: number): number {
  const n = positions.length;
  for (let step = 1; step < n; step++) {
    let fits = true;
    for (let i = step; i < n && fits; i += step) {
      const room = Math.abs(positions[i] - positions[i - step]);
      fits = room >= (widths[i] + widths[i - step]) / 2 + minGap;
    }
    if (fits) return step;
  }
  return Math.max(1, n);
}

/**
 * An axis title that fits in `maxWidth` px: words are dropped from the end of the description (with
 * an ellipsis) before the unit in parentheses is, so the unit always survives.
 *
 * @example fitLabel('CPU time per message (µs)', 120, 16) // 'CPU time… (µs)'
 */
export function fitLabel(label: string, maxWidth: number, fontSize: number): string {
  if (estimateTextWidth(label, fontSize) <= maxWidth) return label;
  const match = /^(.*?)\s*(\([^()]*\).*)$/.exec(label);
  const head = match ? match[1] : label;
  const tail = match ? ` ${match[2]}` : '';
  const words = head.split(/\s+/).filter(Boolean);
  for (let n = words.length - 1; n >= 1; n--) {
    const candidate = `${words.slice(0, n).join(' ')}…${tail}`;
    if (estimateTextWidth(candidate, fontSize) <= maxWidth) return candidate;
  }
  return tail.trim() || `${words[0] ?? ''}…`;
}

/** `text`, cut at a word (or character) boundary with an ellipsis to fit in `maxWidth` px. */
export function truncate(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (estimateTextWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  for (let n = chars.length - 1; n > 0; n--) {
    const candidate = `${chars.slice(0, n).join('').trimEnd()}…`;
    if (estimateTextWidth(candidate, fontSize, bold) <= maxWidth) return candidate;
  }
  return '…';
}

/**
 * `text` broken at spaces into at most `maxLines` lines of `maxWidth` px (the first line
 * `firstLineWidth`, e.g. beside a note); only the last line is shortened (with an ellipsis) if the
 * text still does not fit. A title wraps rather than loses its end.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  bold = false,
  maxLines = 2,
  firstLineWidth = maxWidth,
): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  const widthOf = (line: number) => (line === 0 ? firstLineWidth : maxWidth);
  let current = '';
  for (let i = 0; i < words.length; i++) {
    const next = current ? `${current} ${words[i]}` : words[i];
    const room = widthOf(lines.length);
    if (current && estimateTextWidth(next, fontSize, bold) > room) {
      if (lines.length === maxLines - 1) {
        lines.push(truncate(words.slice(i - current.split(' ').length).join(' '), room, fontSize, bold));
        return lines;
      }
      lines.push(current);
      current = words[i];
    } else current = next;
  }
  if (current) lines.push(truncate(current, widthOf(lines.length), fontSize, bold));
  return lines;
}

/** Width in px to leave beside the title for the "updating…" note (kept whether or not it shows, so nothing jumps). */
export function staleNoteWidth(fontSize: number): number {
  return fontSize * 6;
}
