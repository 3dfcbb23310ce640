/** The words of A/B tests in plans (docs/planning.md "A/B tests in plans"). */

/** What differs between the two variants: the text (same kind of slot) or the time (same text). */
export const AB_TEST_KINDS = ['text', 'time'] as const;
export type AbTestKind = (typeof AB_TEST_KINDS)[number];

/**
 * `running` (waiting for both posts to be 24 h old), `decided` (a winner beyond noise), `no_winner`
 * (measured, within noise, or no reading near 24 h), `cancelled` (by hand, or a variant never went out).
 */
export const AB_TEST_STATES = ['running', 'decided', 'no_winner', 'cancelled'] as const;
export type AbTestState = (typeof AB_TEST_STATES)[number];

export const AB_VARIANTS = ['a', 'b'] as const;
export type AbVariant = (typeof AB_VARIANTS)[number];
