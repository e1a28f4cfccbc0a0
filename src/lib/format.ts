/** Human-readable numbers with units, for readouts, tables and axis labels. */

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${trim(bytes / 1024 ** 3)} GiB`;
  if (bytes >= 1024 ** 2) return `${trim(bytes / 1024 ** 2)} MiB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KiB`;
  return `${bytes} B`;
}

/** A duration given in nanoseconds, in the largest unit that keeps it ≥ 1. */
export function formatDurationNs(durationNs: number): string {
  const abs = Math.abs(durationNs);
  if (abs >= 1e9) return `${trim(durationNs / 1e9)} s`;
  if (abs >= 1e6) return `${trim(durationNs / 1e6)} ms`;
  if (abs >= 1e3) return `${trim(durationNs / 1e3)} µs`;
  return `${Math.round(durationNs)} ns`;
}

export function formatMiBps(value: number): string {
  return `${trim(value)} MiB/s`;
}

/** Three significant digits at most, no trailing zeros. */
export function trim(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}
