import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ruleSchema, type AutomationRule } from '@plume/contract/automation/automation-schemas';
import { TRIGGER_LABELS } from '@plume/contract/automation/automation-triggers';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { api } from '../../lib/api.ts';
import { formatTime } from '../../lib/format-time.ts';
import { rulesPath, rulesQueryOptions } from './automation-query.ts';
import { RunHistory } from './run-history.tsx';

type Props = { workspaceId: string; zone: string; rule: AutomationRule; canEdit: boolean; onEdit: () => void };

/** One rule: on or off, when it last ran, how often, and its history on demand. */
export function RuleCard({ workspaceId, zone, rule, canEdit, onEdit }: Props) {
  const queryClient = useQueryClient();
  const [showRuns, setShowRuns] = useState(false);
  const path = `${rulesPath(workspaceId)}/${encodeURIComponent(rule.id)}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: rulesQueryOptions(workspaceId).queryKey });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => api.patch(path, { enabled }, ruleSchema),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: () => api.delete(path), onSuccess: refresh });
  return (
    <Card
      title={rule.name}
      description={`${TRIGGER_LABELS[rule.trigger.type]}${rule.trigger.cron ? ` (${rule.trigger.cron})` : ''} · ${rule.actions.length} action(s)`}
      action={
        canEdit ? (
          <div className="flex gap-2">
            <Button variant="secondary" onClick={onEdit}>
              Edit
            </Button>
            <Button variant="danger" isPending={remove.isPending} onClick={() => remove.mutate()}>
              Delete
            </Button>
          </div>
        ) : null
      }
    >
      <div className="space-y-2 text-sm">
        <FormAlert error={toggle.error ?? remove.error} />
        {canEdit ? (
          <CheckboxField
            label="On"
            description={rule.pausedReason ?? 'Runs whenever its trigger happens and its conditions hold.'}
            checked={rule.enabled}
            disabled={toggle.isPending}
            onChange={(event) => toggle.mutate(event.target.checked)}
          />
        ) : (
          <p>{rule.enabled ? 'On' : `Off${rule.pausedReason ? `: ${rule.pausedReason}` : ''}`}</p>
        )}
        <p className="text-muted">
          Last run: {formatTime(rule.lastRunAt, zone)} · {rule.runCount} run(s)
          {rule.nextRunAt ? ` · next: ${formatTime(rule.nextRunAt, zone)}` : ''}
        </p>
        <Button variant="ghost" aria-expanded={showRuns} onClick={() => setShowRuns((value) => !value)}>
          {showRuns ? 'Hide run history' : 'Show run history'}
        </Button>
        {showRuns ? <RunHistory workspaceId={workspaceId} ruleId={rule.id} zone={zone} /> : null}
      </div>
    </Card>
  );
}
