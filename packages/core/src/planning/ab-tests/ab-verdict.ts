/** An A/B decision in plain words, with the figures it rests on ("B got 2.4× the engagements of A …"). */
import type { AbVariant } from '@plume/contract/planning/ab-test-enums';
import type { AbVariantReading } from '@plume/db/schema/planning';
import type { AbDecision } from '@plume/insights/index';

export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toPrecision(2))}`;
}

const name = (variant: AbVariant) => variant.toUpperCase();
const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

/** How far `winner` is ahead of the other, in rates when both impressions are known, else in counts. */
function comparison(winner: AbVariant, readings: Record<AbVariant, AbVariantReading>): string {
  const loser: AbVariant = winner === 'a' ? 'b' : 'a';
  const w = readings[winner];
  const l = readings[loser];
  if (w.impressions && l.impressions) {
    const rateW = w.engagements / w.impressions;
    const rateL = l.engagements / l.impressions;
    if (rateL === 0) return `${name(winner)} got a ${percent(rateW)} engagement rate, ${name(loser)} none`;
    return `${name(winner)} got ${(rateW / rateL).toFixed(1)}× ${name(loser)}'s engagement rate (${percent(rateW)} to ${percent(rateL)})`;
  }
  if (l.engagements === 0) return `${name(winner)} got ${w.engagements} engagements, ${name(loser)} none`;
  return `${name(winner)} got ${(w.engagements / l.engagements).toFixed(1)}× the engagements of ${name(loser)} (${w.engagements} to ${l.engagements})`;
}

function ahead(readings: Record<AbVariant, AbVariantReading>): AbVariant {
  const rate = (reading: AbVariantReading, both: boolean) =>
    both ? reading.engagements / reading.impressions! : reading.engagements;
  const both = Boolean(readings.a.impressions && readings.b.impressions);
  return rate(readings.b, both) > rate(readings.a, both) ? 'b' : 'a';
}

export function verdictOf(decision: AbDecision, readings: Record<AbVariant, AbVariantReading>): string {
  if (decision.outcome === 'winner')
    return `${comparison(decision.winner, readings)}; beyond noise (${formatP(decision.pValue)}).`;
  if (decision.reason === 'too_early') return 'Too early: the later post is not 24 hours old yet.';
  const p = decision.pValue === null ? '' : formatP(decision.pValue);
  if (decision.reason === 'within_post_to_post_noise')
    return `No clear winner: ${comparison(ahead(readings), readings)}, but this account's posts differ that much with nothing changed (${p}).`;
  return `No clear winner: the difference is within noise (A ${readings.a.engagements}, B ${readings.b.engagements} engagements; ${p}).`;
}
