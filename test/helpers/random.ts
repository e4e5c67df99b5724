/**
 * Seeded random numbers for synthetic reports and fuzz cases: the same seed gives the same
 * stream on every run and machine, so a failing case can be replayed and a benchmark's content
 * is the same from one run to the next. mulberry32: small, fast, good enough for test data.
 */

/** A stream of numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stream seeded by a string: the same key, the same stream. */
export const randomFor = (key: string): (() => number) => mulberry32([...key].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 1779033703));
