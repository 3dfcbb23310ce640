import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { TextField } from '../../components/text-field.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { monthLabel } from './plan-days.ts';
import { planListOptions, useCreatePlan } from './plan-queries.ts';

const nextMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
};

/** /w/$workspaceId/plans — the workspace's monthly plans, and "Start a plan". */
export function PlansPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const list = useQuery(planListOptions(workspaceId));
  const navigate = useNavigate();
  const [month, setMonth] = useState(nextMonth);
  const create = useCreatePlan(workspaceId, (plan) => {
    void navigate({ to: '/w/$workspaceId/plans/$planId', params: { workspaceId, planId: plan.id } });
  });
  const items = list.data?.items ?? [];
  const editable = workspace.role !== 'viewer';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(month);
  };

  return (
    <>
      <PageHeader
        title="Plans"
        description="A month of content at a time: a theme per week, briefs per day and network, drafts written in one go and approved a week at a time."
      />
      {editable ? (
        <Card title="Start a plan">
          <form onSubmit={submit} className="flex flex-wrap items-end gap-3" noValidate>
            <TextField
              label="Month"
              type="month"
              value={month}
              onChange={(event) => setMonth(event.target.value)}
              error={fieldErrorsOf(create.error)['month']}
            />
            <Button type="submit" isPending={create.isPending} pendingLabel="Starting…">
              Start the plan
            </Button>
          </form>
          {create.isError && !fieldErrorsOf(create.error)['month'] ? (
            <div className="mt-3">
              <FormAlert error={create.error} />
            </div>
          ) : null}
        </Card>
      ) : null}
      <div className="mt-6">
        {list.isPending ? <LoadingState label="Loading plans…" /> : null}
        {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.isSuccess && items.length === 0 ? (
          <Card>
            <EmptyState title="No plan yet">
              Start a plan for a month, add briefs to its days, and Plume places them at the best free times, writes the
              drafts and lets you approve the week at once.
            </EmptyState>
          </Card>
        ) : null}
        {items.length > 0 ? (
          <ul aria-label="Plans" className="divide-y divide-line rounded-lg border border-line bg-surface">
            {items.map((plan) => (
              <li key={plan.id} className="px-4 py-3">
                <Link
                  to="/w/$workspaceId/plans/$planId"
                  params={{ workspaceId, planId: plan.id }}
                  className={`${textLinkClasses} font-medium`}
                >
                  {monthLabel(plan.month)}
                </Link>
                <p className="mt-1 text-sm text-muted">
                  {plan.briefCount === 1 ? '1 brief' : `${plan.briefCount} briefs`} · {plan.state}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </>
  );
}
