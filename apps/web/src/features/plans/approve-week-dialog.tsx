import { useState } from 'react';
import type { ApproveWeekResult, PlanBrief } from '@plume/contract/planning/plan-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { dayLabel } from './plan-days.ts';
import { useApproveWeek } from './plan-queries.ts';

type Props = { workspaceId: string; planId: string; week: string; drafted: readonly PlanBrief[]; onClose: () => void };

/** "Approve week": every written draft ticked; untick the exceptions. The answer lists what waits for another approver. */
export function ApproveWeekDialog({ workspaceId, planId, week, drafted, onClose }: Props) {
  const approve = useApproveWeek(workspaceId, planId);
  const [except, setExcept] = useState<string[]>([]);
  const [result, setResult] = useState<ApproveWeekResult | null>(null);
  const toggle = (id: string) =>
    setExcept((current) => (current.includes(id) ? current.filter((item) => item !== id) : [...current, id]));
  const topicOf = (id: string) => drafted.find((brief) => brief.id === id)?.topic ?? id;

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="approve-week-title"
      className="fixed inset-0 z-20 flex items-center justify-center bg-ink/30 p-4"
    >
      <div className="max-h-[90vh] w-full max-w-lg overflow-y-auto rounded-lg bg-surface p-4 shadow-lg">
        <h2 id="approve-week-title" className="text-lg font-semibold">
          Approve the week of {dayLabel(week)}
        </h2>
        {result === null ? (
          <>
            <p className="mt-1 text-sm text-muted">
              Untick a draft to leave it out. Each post follows the workspace's approval rules.
            </p>
            {drafted.length === 0 ? (
              <p className="mt-3 text-sm">No written drafts this week: generate them first.</p>
            ) : (
              <ul className="mt-3 space-y-2">
                {drafted.map((brief) => (
                  <li key={brief.id}>
                    <label className="flex gap-2 text-sm">
                      <input type="checkbox" checked={!except.includes(brief.id)} onChange={() => toggle(brief.id)} />
                      <span>
                        {dayLabel(brief.day)} · {brief.accountHandle}: {brief.topic}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {approve.isError ? <FormAlert error={approve.error} /> : null}
            <div className="mt-4 flex gap-2">
              <Button
                isPending={approve.isPending}
                pendingLabel="Approving…"
                disabled={drafted.length === except.length}
                onClick={() => approve.mutate({ week, except }, { onSuccess: setResult })}
              >
                Approve {drafted.length - except.length === 1 ? '1 post' : `${drafted.length - except.length} posts`}
              </Button>
              <Button variant="ghost" onClick={onClose}>
                Cancel
              </Button>
            </div>
          </>
        ) : (
          <>
            <p className="mt-2 text-sm" role="status">
              {result.approved.length === 1 ? '1 post approved' : `${result.approved.length} posts approved`}
              {result.skipped.length > 0 ? `, ${result.skipped.length} left out` : ''}.
            </p>
            {result.pending.length > 0 ? (
              <ul aria-label="Waiting" className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {result.pending.map((item) => (
                  <li key={item.briefId}>
                    {topicOf(item.briefId)}: {item.message}
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="mt-4">
              <Button onClick={onClose}>Done</Button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
