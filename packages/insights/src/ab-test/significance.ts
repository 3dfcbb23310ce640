/**
 * The two tail probabilities the A/B decision needs, written out (no statistics library in the
 * package): the normal distribution's two-sided tail, and the exact two-sided binomial test.
 */

/** erfc(x) for x ≥ 0, Numerical Recipes' Chebyshev fit (relative error < 1.2e-7). */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(poly);
}

/** P(|Z| ≥ |z|) for a standard normal Z. */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** log Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; ~15 significant digits). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i += 1) sum += c[i]! / (shifted + i);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

function logBinomialPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** Above this many trials the exact sum gives way to the normal approximation (they agree closely there). */
const EXACT_LIMIT = 200_000;

/**
 * Two-sided exact binomial test of `k` successes in `n` trials against probability `p`: the total
 * probability of every outcome no more likely than the one observed (the rule R's binom.test uses).
 * @example binomialTwoSidedP(9, 10, 0.5) // 0.021484375
 */
export function binomialTwoSidedP(k: number, n: number, p: number): number {
  if (n === 0) return 1;
  if (n > EXACT_LIMIT) {
    const sd = Math.sqrt(n * p * (1 - p));
    return sd === 0 ? 1 : twoSidedNormalP((Math.abs(k - n * p) - 0.5) / sd);
  }
  const observed = logBinomialPmf(k, n, p);
  const tolerance = 1e-7;
  let total = 0;
  for (let i = 0; i <= n; i += 1) {
    const logPmf = logBinomialPmf(i, n, p);
    if (logPmf <= observed + Math.log1p(tolerance)) total += Math.exp(logPmf);
  }
  return Math.min(1, total);
}
