/**
 * Seeded randomness with independent streams. Each stream is an sfc32 generator seeded from a hash of
 * (run seed, stream name), so adding a component (a new stream name) does not shift other components'
 * draws, and the same seed always gives the same numbers.
 */

/** 32-bit FNV-1a over the characters of a string, mixed with a seed. */
function hashName(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** splitmix32: spreads one 32-bit seed into well-mixed state words. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class RandomStream {
  /**
   * The four sfc32 state words (a, b, c, d). An Int32Array holds them untagged: as object fields,
   * 32-bit values do not fit V8's small integers and every step would go through boxed doubles
   * (several times slower). Int32 stores wrap modulo 2^32, exactly what the `| 0` arithmetic needs.
   */
  private readonly state = new Int32Array(4);
  private spareNormal: number | null = null;

  constructor(seed: number, name: string) {
    const mix = splitmix32(hashName(seed >>> 0, name) ^ Math.imul(seed >>> 0, 0x27d4eb2d));
    for (let i = 0; i < 4; i++) this.state[i] = mix();
    for (let i = 0; i < 12; i++) this.nextUint32(); // discard the first outputs, as sfc32 recommends
  }

  /** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator). */
  nextUint32(): number {
    const s = this.state;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Always the given value: a distribution for deterministic service times. */
  deterministic(value: number): number {
    return value;
  }

  /** Standard normal by the polar Box–Muller method (two values per pair of draws). */
  normal(mean = 0, stdDev = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + stdDev * z;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return mean + stdDev * u * f;
  }

  /** Log-normal with the given mean and coefficient of variation (stdDev / mean) of the result. */
  logNormal(mean: number, cv: number): number {
    const sigma2 = Math.log(1 + cv * cv);
    const mu = Math.log(mean) - sigma2 / 2;
    return Math.exp(this.normal(mu, Math.sqrt(sigma2)));
  }
}

/** The streams of one run, created on first use by name. */
export class RandomSource {
  private readonly streams = new Map<string, RandomStream>();
  constructor(readonly seed: number) {}

  stream(name: string): RandomStream {
    let s = this.streams.get(name);
    if (!s) {
      s = new RandomStream(this.seed, name);
      this.streams.set(name, s);
    }
    return s;
  }
}
