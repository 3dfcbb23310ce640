/** One line of a quality score: what was checked, how it did (0..1), its share of the total, and why. */
import type { CriterionId } from '@plume/contract/content/content-enums';

/** `score` is null when the criterion was not scored (its weight is then 0 and the rest re-weighted). */
export type Criterion = { id: CriterionId; score: number | null; weight: number; reason: string };

/** A check's verdict before weighting. */
export type Verdict = { score: number; reason: string };

export const numberFormat = new Intl.NumberFormat('en-US');
