/**
 * Parses sizes as people type them: `64`, `64B`, `64K`, `64KiB`, `1M`, `1MiB`, `1.5k`.
 * K, M and G are binary multiples (1K = 1024 B), as message sizes are in the poster's figures.
 */
const MULTIPLIERS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

export type SizeParse = { ok: true; bytes: number } | { ok: false; error: string };

export function parseSize(text: string): SizeParse {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|b)?\s*$/i.exec(text);
  if (!match)
    return { ok: false, error: `"${text}" is not a size: use a number of bytes or units such as 64K, 1MiB` };
  const bytes = Number(match[1]) * MULTIPLIERS[(match[2] ?? '').toLowerCase()];
  if (!Number.isInteger(bytes)) return { ok: false, error: `"${text}" is not a whole number of bytes` };
  return { ok: true, bytes };
}

/** The shortest exact binary form of a size: 65536 → "64K", 1048576 → "1M", 1000 → "1000". */
export function formatSizeShort(bytes: number): string {
  for (const [suffix, m] of [
    ['G', 1024 ** 3],
    ['M', 1024 ** 2],
    ['K', 1024],
  ] as const) {
    if (bytes >= m && bytes % m === 0) return `${bytes / m}${suffix}`;
  }
  return String(bytes);
}
