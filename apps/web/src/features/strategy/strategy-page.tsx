import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { StrategyView } from '@plume/contract/planning/strategy-schemas';
import { buttonClasses } from '../../components/button-classes.ts';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useNetworkName } from '../networks/use-network-name.ts';
import { canManage } from '../workspaces/roles.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { GOAL_CHOICES } from './onboarding-answers.ts';
import { PillarMix } from './pillar-mix.tsx';
import { SeasonalDatesCard } from './seasonal-dates-card.tsx';
import { StrategyForm } from './strategy-form.tsx';
import { AutopilotCard } from './autopilot-card.tsx';
import type { WorkspaceRole } from '@plume/contract/workspaces/workspace-enums';
import { TemplateCopyCard } from './template-copy-card.tsx';
import { strategyQueryOptions } from './strategy-queries.ts';
import type { Stored } from './strategy-form-values.ts';

const goalLabel = (goal: string) => GOAL_CHOICES.find((choice) => choice.value === goal)?.label ?? goal;

function formatTarget(kpi: Stored['kpiTargets'][number]): string {
  if (kpi.target === null) return 'tracked, no target yet';
  if (kpi.unit === 'percent') return `${kpi.target} %`;
  if (kpi.unit === 'usd') return `US$ ${kpi.target}`;
  return String(kpi.target);
}

function StrategySummary({ strategy }: { strategy: Stored }) {
  const networkName = useNetworkName();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Content pillars" description="What the posts are about, and each pillar's share of the posts.">
        <PillarMix pillars={strategy.pillars} />
      </Card>
      <Card title="Goals and voice">
        <dl className="space-y-2 text-sm">
          <div>
            <dt className="font-medium text-ink">Goals</dt>
            <dd className="text-muted">{strategy.goals.map(goalLabel).join(', ')}</dd>
          </div>
          <div>
            <dt className="font-medium text-ink">Audience</dt>
            <dd className="text-muted">{strategy.audience}</dd>
          </div>
          <div>
            <dt className="font-medium text-ink">Tone</dt>
            <dd className="text-muted">{strategy.tone.join(', ')}</dd>
          </div>
          <div>
            <dt className="font-medium text-ink">Monthly AI budget</dt>
            <dd className="text-muted">
              {strategy.monthlyAiBudgetUsd === null ? 'No cap' : `US$ ${strategy.monthlyAiBudgetUsd}`}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-ink">Template</dt>
            <dd className="text-muted">
              {strategy.templateId ? `${strategy.templateId}, version ${strategy.templateVersion}` : 'None'}
            </dd>
          </div>
        </dl>
      </Card>
      <Card title="Cadence" description="Posts a week on each network.">
        <ul className="space-y-1 text-sm" aria-label="Posts a week per network">
          {Object.entries(strategy.cadence).map(([network, count]) => (
            <li key={network} className="flex justify-between">
              <span className="text-ink">{networkName(network)}</span>
              <span className="text-muted">{count} a week</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="KPIs" description="What the strategy is measured by, per month.">
        {strategy.kpiTargets.length === 0 ? (
          <p className="text-sm text-muted">No KPIs yet.</p>
        ) : (
          <ul className="space-y-1 text-sm" aria-label="KPI targets">
            {strategy.kpiTargets.map((kpi) => (
              <li key={kpi.key} className="flex justify-between gap-2">
                <span className="text-ink">{kpi.name}</span>
                <span className="text-muted">{formatTarget(kpi)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

type ContentProps = { workspaceId: string; view: StrategyView; canEdit: boolean; role: WorkspaceRole | undefined };

function Content({ workspaceId, view, canEdit, role }: ContentProps) {
  const wizard = (
    <Link to="/w/$workspaceId/onboarding" params={{ workspaceId }} className={buttonClasses('primary')}>
      Start the setup wizard
    </Link>
  );
  if (view.strategy === null)
    return (
      <EmptyState title="No strategy yet" action={canEdit ? wizard : undefined}>
        {canEdit
          ? 'Answer a few questions to start one from an industry template: pillars, cadence, KPIs and seasonal dates.'
          : 'An admin of this workspace can start one with the setup wizard.'}
      </EmptyState>
    );
  return (
    <div className="space-y-6">
      <StrategySummary strategy={view.strategy} />
      <SeasonalDatesCard view={view} />
      <TemplateCopyCard workspaceId={workspaceId} canEdit={canEdit} />
      <AutopilotCard workspaceId={workspaceId} role={role} timezone={view.timezone} pillars={view.strategy.pillars} />
      {canEdit ? <StrategyForm workspaceId={workspaceId} strategy={view.strategy} /> : null}
    </div>
  );
}

/** /w/$workspaceId/strategy — the workspace's strategy, editable by admins, and the way back into the wizard. */
export function StrategyPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const strategy = useQuery(strategyQueryOptions(workspaceId));
  const canEdit = canManage(workspace.role);
  const rerun =
    canEdit && strategy.data?.strategy ? (
      <Link to="/w/$workspaceId/onboarding" params={{ workspaceId }} className={buttonClasses('secondary')}>
        Run the setup wizard again
      </Link>
    ) : undefined;
  return (
    <>
      <PageHeader
        title="Strategy"
        description="Pillars, cadence, KPIs and the dates that matter. Running the wizard again rebuilds the strategy from your answers (KPI targets are kept) and keeps your edited copy of the same template."
        action={rerun}
      />
      {strategy.isPending ? (
        <LoadingState label="Loading the strategy…" />
      ) : strategy.isError ? (
        <ErrorState error={strategy.error} onRetry={() => void strategy.refetch()} />
      ) : (
        <Content workspaceId={workspaceId} view={strategy.data} canEdit={canEdit} role={workspace.role} />
      )}
    </>
  );
}
