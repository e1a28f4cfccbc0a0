/**
 * Names of exported files that say what is in them, so a folder of exports sorts and reads by itself:
 * `xen-hpc-io-<figure>-<mode>-<size>-seed<seed>[-t<ns>ns].<ext>`, e.g. `xen-hpc-io-cpu-pv-tcp-64B-seed1.png`.
 */
import type { Settings } from '../../store/index.ts';

export type ExportExtension = 'png' | 'svg' | 'csv';

/** A size as a file name can carry it: 64 → "64B", 65536 → "64KiB", 1048576 → "1MiB", 1500 → "1500B". */
export function sizeToken(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'size';
  for (const [unit, per] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const)
    if (bytes >= per && bytes % per === 0) return `${bytes / per}${unit}`;
  return `${Math.round(bytes)}B`;
}

/** Lower case letters, digits and single dashes only. */
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export function exportFileName(
  figure: string,
  settings: Pick<Settings, 'mode' | 'sizeBytes' | 'seed'>,
  ext: ExportExtension,
  nowNs?: number,
): string {
  const time = nowNs !== undefined && Number.isFinite(nowNs) ? `-t${Math.round(nowNs)}ns` : '';
  const parts = [
    'xen-hpc-io',
    slug(figure) || 'figure',
    slug(settings.mode),
    sizeToken(settings.sizeBytes),
    `seed${settings.seed}`,
  ];
  return `${parts.join('-')}${time}.${ext}`;
}
