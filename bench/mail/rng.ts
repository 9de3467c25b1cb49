// Seeded randomness for the generated bench mail: the same seed gives the same bytes on every run.
// mulberry32: small, fast and good enough to vary test data.

/** The seed of the generated bench data unless a run names another. */
export const DEFAULT_SEED = 20260503;

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  hex(chars: number): string;
  /** Random base64 (or base64url) text, as in signatures and tracking tokens. */
  b64(chars: number, url?: boolean): string;
  /** Roughly normal, mean 0 and deviation 1 (Box-Muller). */
  normal(): number;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const fromAlphabet = (alphabet: string, chars: number) => {
    let s = '';
    for (let i = 0; i < chars; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    return s;
  };
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    hex: (chars) => fromAlphabet('0123456789abcdef', chars),
    b64: (chars, url = false) => fromAlphabet(url ? B64URL : B64, chars),
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}

/**
 * A well-mixed seed for item `index` of stream `salt` in a run seeded with `seed`, so that items
 * are independent of each other and of how many there are. Order confirmations are stream 0.
 */
export function deriveSeed(seed: number, salt: number, index: number): number {
  let h = (seed ^ Math.imul(salt, 0x27d4eb2d) ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Lognormal size in bytes around `median`, kept within [min, max]. */
export function drawSize(rng: Rng, median: number, spread: number, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, median * Math.exp(spread * rng.normal()))));
}
