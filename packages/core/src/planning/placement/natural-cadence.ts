/**
 * Natural cadence: a few minutes of open variation so a week of posts does not land on :00 every
 * time. It is a product setting shown to the user as such. The generator is seeded (mulberry32) so a
 * plan, and a test, can be replayed exactly.
 */

/** A deterministic source of numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A whole number of minutes in [−max, +max]. */
export function naturalOffset(random: () => number, maxMinutes: number): number {
  const max = Math.max(0, Math.floor(maxMinutes));
  return Math.floor(random() * (2 * max + 1)) - max;
}
