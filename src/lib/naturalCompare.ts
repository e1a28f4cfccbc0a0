/**
 * Order of names such as `h0/vm2/vcpu10`: runs of digits compare as numbers, everything else
 * without regard to case, punctuation before digits before letters, as
 * `a.localeCompare(b, 'en', { numeric: true })` orders ASCII names. Without Intl: the page's
 * first collator costs tens of ms of ICU set-up, on the load's critical path when a diagram's
 * gauges are sorted (and a collator made per call when options are passed).
 */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let ei = i;
      let ej = j;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      const d = Number(a.slice(i, ei)) - Number(b.slice(j, ej));
      if (d !== 0) return d < 0 ? -1 : 1;
      i = ei;
      j = ej;
      continue;
    }
    const d = rank(ca) - rank(cb);
    if (d !== 0) return d < 0 ? -1 : 1;
    i++;
    j++;
  }
  if (i < a.length || j < b.length) return i < a.length ? 1 : -1;
  // Equal but for case: lower case first, as the collator's tie-break.
  return a === b ? 0 : a > b ? -1 : 1;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** ASCII punctuation and symbols in the collator's order (all before digits and letters). */
const PUNCTUATION = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';

/** Punctuation and symbols, then digits, then letters without case (a–z), then the rest by code. */
function rank(c: number): number {
  if (c >= 65 && c <= 90) c += 32;
  if (c >= 97 && c <= 122) return 2000 + c;
  if (isDigit(c)) return 1000 + c;
  const p = PUNCTUATION.indexOf(String.fromCharCode(c));
  if (p >= 0) return p;
  return 3000 + c;
}
