import { PUBLIC_PRIORS } from '../priors/public-priors.ts';

/** A prior of how posting hour moves engagement: lift on the log(1 + engagements) scale per local hour. */
export type HourPrior = { source: string; hourLift: readonly number[] };

/**
 * The prior for a network from public data (Klout when-to-post samples, FiveThirtyEight tweets; see
 * the package README). Networks without their own sample get the pooled prior.
 */
export function hourPriorFor(network: string): HourPrior {
  const entry = PUBLIC_PRIORS.networks[network] ?? PUBLIC_PRIORS.networks['default'];
  return { source: PUBLIC_PRIORS.source, hourLift: entry?.hourLift ?? new Array<number>(24).fill(0) };
}
