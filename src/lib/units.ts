/**
 * Units as branded numbers, so a byte count cannot be passed where nanoseconds are expected.
 * Simulated time is an integer number of nanoseconds: exact up to 2^53 ns (about 104 days).
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Integer nanoseconds of simulated time (a point or a duration). */
export type Ns = Brand<number, 'ns'>;
/** A size in bytes. */
export type Bytes = Brand<number, 'bytes'>;

export const NS_PER_US = 1_000;
export const NS_PER_MS = 1_000_000;
export const NS_PER_S = 1_000_000_000;
export const KIB = 1024;
export const MIB = 1024 * 1024;

/** Nanoseconds from a number that must already be an integer. */
export function ns(value: number): Ns {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer number of nanoseconds: ${value}`);
  return value as Ns;
}

/** Nanoseconds from microseconds, rounded to the nearest nanosecond. */
export function usToNs(us: number): Ns {
  return Math.round(us * NS_PER_US) as Ns;
}

export function nsToUs(value: number): number {
  return value / NS_PER_US;
}

export function bytes(value: number): Bytes {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a byte count: ${value}`);
  return value as Bytes;
}

/** Bytes over nanoseconds as MiB per second (the poster's unit). */
export function mibPerSec(byteCount: number, durationNs: number): number {
  return durationNs > 0 ? byteCount / MIB / (durationNs / NS_PER_S) : 0;
}
