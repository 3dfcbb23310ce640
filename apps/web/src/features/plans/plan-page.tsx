import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { zoneLabel } from '../../lib/format-time.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { AbTestsList } from './ab-tests-list.tsx';
import { abRoles, abTestsOptions } from './ab-test-queries.ts';
import { AddBriefForm } from './add-brief-form.tsx';
import { ApproveWeekDialog } from './approve-week-dialog.tsx';
import { MonthView } from './month-view.tsx';
import { PlanAgentPanel } from './plan-agent-panel.tsx';
import { dayLabel, daysOfWeek, monthLabel } from './plan-days.ts';
import { planChecksOptions, planOptions, useGenerateWeek, usePlaceWeek } from './plan-queries.ts';
import { WeekBoard } from './week-board.tsx';
import { RunExecutionButton } from '../agents/run-execution-button.tsx';

/** /w/$workspaceId/plans/$planId — the month view and the week board. */
export function PlanPage({ workspaceId, planId }: { workspaceId: string; planId: string }) {
  const workspace = useWorkspace(workspaceId);
  const plan = useQuery(planOptions(workspaceId, planId));
  const checks = useQuery(planChecksOptions(workspaceId, planId));
  const abTests = useQuery(abTestsOptions(workspaceId, planId));
  const place = usePlaceWeek(workspaceId, planId);
  const generate = useGenerateWeek(workspaceId, planId);
  const [chosen, setChosen] = useState<string | null>(null);
  const [approving, setApproving] = useState(false);
  const [addDay, setAddDay] = useState<string | null>(null);
  if (plan.isPending) return <LoadingState label="Loading the plan…" />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const data = plan.data;
  const week = chosen ?? data.weeks[0]!;
  const editable = workspace.role !== 'viewer';
  const zone = zoneLabel(data.timezone);
  const days = daysOfWeek(week);
  const drafted = data.briefs.filter((brief) => days.includes(brief.day) && brief.state === 'drafted');
  const generation = data.generation?.week === week ? data.generation : null;
  const running = generation?.state === 'queued' || generation?.state === 'running';
  const unplaced = place.data?.unplaced ?? [];

  return (
    <>
      <PageHeader title={`Plan for ${monthLabel(data.month)}`} description={`Days and times in ${zone}.`} />
      <MonthView workspaceId={workspaceId} plan={data} checks={checks.data} editable={editable} />
      <nav aria-label="Weeks" className="mt-6 flex flex-wrap gap-2">
        {data.weeks.map((item) => (
          <Button
            key={item}
            variant={item === week ? 'primary' : 'secondary'}
            aria-pressed={item === week}
            onClick={() => {
              setChosen(item);
              setAddDay(null);
            }}
          >
            Week of {dayLabel(item)}
          </Button>
        ))}
      </nav>
      {editable ? (
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <Button
            variant="secondary"
            isPending={place.isPending}
            pendingLabel="Placing…"
            onClick={() => place.mutate(week)}
          >
            Place the week
          </Button>
          <Button
            isPending={generate.isPending || running}
            pendingLabel="Writing drafts…"
            onClick={() => generate.mutate(week)}
          >
            Generate drafts
          </Button>
          <Button variant="secondary" onClick={() => setApproving(true)}>
            Approve week
          </Button>
          <RunExecutionButton workspaceId={workspaceId} planId={planId} week={week} />
        </div>
      ) : null}
      {editable ? <PlanAgentPanel workspaceId={workspaceId} planId={planId} week={week} /> : null}
      {generation ? (
        <div className="mt-3 text-sm" role="status">
          <label className="flex items-center gap-2">
            <span>
              {running
                ? 'Writing drafts'
                : generation.state === 'failed'
                  ? 'Drafts written, some failed'
                  : 'Drafts written'}
              : {generation.done} of {generation.total}
            </span>
            <progress max={Math.max(1, generation.total)} value={generation.done} />
          </label>
          {generation.failed.map((failure) => (
            <p key={failure.briefId} className="text-danger">
              {data.briefs.find((brief) => brief.id === failure.briefId)?.topic}: {failure.message}
            </p>
          ))}
        </div>
      ) : null}
      {place.isError ? <FormAlert error={place.error} /> : null}
      {generate.isError ? <FormAlert error={generate.error} /> : null}
      {unplaced.length > 0 ? (
        <p className="mt-2 text-sm text-danger">
          {unplaced.length === 1 ? '1 brief' : `${unplaced.length} briefs`} could not be placed; the reason is on each.
        </p>
      ) : null}
      <div className="mt-4">
        <WeekBoard
          workspaceId={workspaceId}
          planId={planId}
          month={data.month}
          week={week}
          briefs={data.briefs}
          editable={editable}
          timezone={data.timezone}
          zoneLabel={zone}
          abRoles={abRoles(abTests.data?.items ?? [])}
          onAddOnDay={setAddDay}
        />
      </div>
      <div className="mt-6">
        {abTests.isPending ? (
          <LoadingState label="Loading the A/B tests…" />
        ) : abTests.isError ? (
          <ErrorState error={abTests.error} onRetry={() => void abTests.refetch()} />
        ) : (
          <AbTestsList
            workspaceId={workspaceId}
            planId={planId}
            tests={abTests.data.items}
            briefs={data.briefs}
            editable={editable}
            zoneLabel={zone}
          />
        )}
      </div>
      {editable ? (
        <div className="mt-6">
          <AddBriefForm
            key={`${week}:${addDay ?? ''}`}
            workspaceId={workspaceId}
            planId={planId}
            week={week}
            month={data.month}
            initialDay={addDay}
          />
        </div>
      ) : null}
      {approving ? (
        <ApproveWeekDialog
          workspaceId={workspaceId}
          planId={planId}
          week={week}
          drafted={drafted}
          onClose={() => setApproving(false)}
        />
      ) : null}
    </>
  );
}
