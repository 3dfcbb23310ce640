/** Words and sums for a learning run's page and the Apply panel. */

/** "2026-11-23" as "23 November 2026". */
export function weekLabel(monday: string): string {
  const date = new Date(`${monday}T12:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

type Share = { key: string; share: number };
/** The part of a run's output that applying reads. */
type Proposals = {
  kind: string;
  output: {
    strategy?: { months: Array<{ pillarMix: Array<{ pillar: string; share: number }> }> } | undefined;
    learning?: { retrospective: { adjustments: { pillarShares?: Share[] | undefined } } | null } | undefined;
  } | null;
};

/** What applying would change: each proposed share beside the strategy's share now. */
export function proposedShares(run: Proposals): Share[] | null {
  const output = run.output;
  if (output === null) return null;
  if (run.kind === 'intelligence_strategy' && output.strategy)
    return (output.strategy.months[0]?.pillarMix ?? []).map((item) => ({ key: item.pillar, share: item.share }));
  if (run.kind === 'learning' && output.learning?.retrospective)
    return output.learning.retrospective.adjustments.pillarShares ?? [];
  return null;
}
