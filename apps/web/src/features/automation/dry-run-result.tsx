import type { DryRun } from '@plume/contract/automation/automation-schemas';
import { ACTION_LABELS } from '@plume/contract/automation/automation-triggers';
import { formatTime, zoneLabel } from '../../lib/format-time.ts';

/** What the rule would have done over the last 7 days, newest first. */
export function DryRunResult({ result }: { result: DryRun }) {
  const { matches, considered, zone } = result;
  return (
    <section aria-labelledby="dry-run-title" className="space-y-3 rounded-lg border border-line p-4">
      <h3 id="dry-run-title" className="font-semibold text-ink">
        Over the last 7 days
      </h3>
      <p className="text-sm text-ink">
        {matches.length === 0
          ? `Nothing matched: of ${considered} event(s), none passed the conditions, so the rule would not have run.`
          : `The rule would have run ${matches.length}${result.truncated ? '+' : ''} time(s) (of ${considered} event(s)). Nothing was done: this is a dry run.`}
      </p>
      {matches.length > 0 ? (
        <ol className="space-y-2">
          {matches.map((match, index) => (
            <li key={index} className="rounded border border-line p-2 text-sm">
              <p className="font-medium text-ink">
                {formatTime(match.at, zone, { withZone: false })} — {match.summary}
              </p>
              <ul className="ml-4 list-disc text-muted">
                {match.actions.map((action, at) => (
                  <li key={at}>
                    <span className="sr-only">{ACTION_LABELS[action.type]}: </span>
                    {action.wouldDo}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
      <p className="text-xs text-muted">Times in {zoneLabel(zone)}.</p>
    </section>
  );
}
