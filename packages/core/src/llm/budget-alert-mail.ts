/**
 * Budget alerts (80, 90 and 100 % of a daily or monthly model budget) go to the workspace's owners
 * and admins as notifications (in the app, and by mail unless they turned it off), and into the audit log. The gateway announces each threshold once per period.
 */
import type { Database } from '@plume/db/client';
import { formatUsd } from '@plume/llm/gateway/budget';
import type { BudgetAlert } from '@plume/llm/gateway/gateway';
import { recordAudit } from '../audit/record-audit.ts';
import { fireAutomationTrigger } from '../automation/fire-trigger.ts';
import { notify } from '../notifications/notify.ts';

export async function notifyBudgetAlert(deps: { db: Database }, alert: BudgetAlert): Promise<void> {
  const period = alert.period.startsWith('day:')
    ? `daily budget (${alert.period.slice(4)}, UTC)`
    : `monthly budget (${alert.period.slice(6)})`;
  const reached = alert.threshold >= 100;
  await deps.db.transaction(async (tx) => {
    await recordAudit(
      tx,
      alert.workspaceId,
      { type: 'system', id: null, name: 'Plume' },
      'llm_budget.alert',
      'llm_budget',
      alert.workspaceId,
      {
        period: alert.period,
        threshold: alert.threshold,
        usedMicros: alert.usedMicros,
        limitMicros: alert.limitMicros,
      },
    );
    await notify(tx, {
      workspaceId: alert.workspaceId,
      kind: 'budget_alert',
      audience: { type: 'managers' },
      title: `${alert.threshold} % of the ${period.split(' (')[0]} used`,
      body: [
        `The workspace has used ${formatUsd(alert.usedMicros)} of its ${period} of ${formatUsd(alert.limitMicros)} for AI models.`,
        reached
          ? 'Paid models are no longer asked until the budget resets or is raised; local models (Ollama) still answer.'
          : 'From the degrade threshold on, Plume tries local and cheaper models first.',
      ].join(' '),
      link: `/w/${alert.workspaceId}/models`,
      dedupeKey: `budget_alert:${alert.period}:${alert.threshold}`,
    });
    await fireAutomationTrigger(tx, {
      workspaceId: alert.workspaceId,
      trigger: 'llm.budget_threshold',
      data: {
        period: alert.period.startsWith('day:') ? 'daily' : 'monthly',
        threshold: alert.threshold,
        usedMicros: alert.usedMicros,
        limitMicros: alert.limitMicros,
      },
      dedupeKey: `budget_alert:${alert.period}:${alert.threshold}`,
    });
  });
}
