import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createdRuleSchema,
  dryRunSchema,
  ruleSchema,
  type AutomationRule,
  type RuleInputWire,
} from '@plume/contract/automation/automation-schemas';
import {
  AUTOMATION_TRIGGERS,
  TRIGGER_FIELDS,
  TRIGGER_LABELS,
  type AutomationTrigger,
} from '@plume/contract/automation/automation-triggers';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { zoneLabel } from '../../lib/format-time.ts';
import { WebhookSecretPanel } from '../webhooks/webhook-secret-panel.tsx';
import { ActionRows } from './action-rows.tsx';
import { rulesPath, rulesQueryOptions } from './automation-query.ts';
import { ConditionRows } from './condition-rows.tsx';
import { DryRunResult } from './dry-run-result.tsx';
import { localProblems, serverProblems, toRuleBody, type Problems, type RuleDraft } from './rule-draft.ts';

type Props = {
  workspaceId: string;
  zone: string;
  me: string;
  initial: RuleDraft;
  /** The rule being changed; none for a new one. */
  ruleId?: string | undefined;
  onDone: () => void;
};

/** Makes or changes a rule; "Try it" shows what it would have done over the last 7 days before saving. */
export function RuleEditor({ workspaceId, zone, me, initial, ruleId, onDone }: Props) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<RuleDraft>(initial);
  const [localErrors, setLocalErrors] = useState<Problems>({});
  const numberFields = new Set(
    TRIGGER_FIELDS[draft.trigger].filter((field) => field.type.kind === 'number').map((field) => field.name),
  );
  const body = (): RuleInputWire => toRuleBody(draft, numberFields);
  const dryRun = useMutation({
    mutationFn: (rule: RuleInputWire) => api.post(`${rulesPath(workspaceId)}/dry-run`, { rule }, dryRunSchema),
  });
  const save = useMutation({
    mutationFn: async (rule: RuleInputWire): Promise<AutomationRule & { signingSecret?: string }> =>
      ruleId === undefined
        ? api.post(rulesPath(workspaceId), rule, createdRuleSchema)
        : api.patch(`${rulesPath(workspaceId)}/${encodeURIComponent(ruleId)}`, rule, ruleSchema),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: rulesQueryOptions(workspaceId).queryKey }),
  });
  const problems: Problems = { ...serverProblems(dryRun.error), ...serverProblems(save.error), ...localErrors };
  const change = (next: Partial<RuleDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    dryRun.reset();
    // A refused save was about the rule as it was: once it changes, its problems no longer stand.
    if (save.isError) save.reset();
  };
  const checked = (): RuleInputWire | null => {
    const rule = body();
    const found = localProblems(rule);
    setLocalErrors(found);
    return Object.keys(found).length === 0 ? rule : null;
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const rule = checked();
    if (rule !== null) save.mutate(rule);
  }

  if (save.isSuccess && save.data.signingSecret !== undefined)
    return (
      <WebhookSecretPanel
        title={`Rule “${save.data.name}” saved`}
        secret={save.data.signingSecret}
        note="Its webhook calls are signed with this secret (Standard Webhooks), like Plume’s outgoing webhooks."
        onDone={onDone}
      />
    );
  if (save.isSuccess)
    return (
      <div className="space-y-2">
        <p role="status" className="text-sm text-ink">
          Rule “{save.data.name}” saved.
        </p>
        <Button onClick={onDone}>Back to the rules</Button>
      </div>
    );
  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-5">
      <FormAlert error={save.error ?? dryRun.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Name"
          required
          value={draft.name}
          error={problems.name}
          onChange={(e) => change({ name: e.target.value })}
        />
        <SelectField
          label="When"
          options={AUTOMATION_TRIGGERS.map((trigger) => ({ value: trigger, label: TRIGGER_LABELS[trigger] }))}
          value={draft.trigger}
          error={problems['trigger/type']}
          onChange={(e) => change({ trigger: e.target.value as AutomationTrigger, conditions: [] })}
        />
        {draft.trigger === 'schedule' ? (
          <TextField
            label="Schedule (cron)"
            value={draft.cron}
            hint={`Five fields: minute hour day month weekday, in ${zoneLabel(zone)} time. "0 9 * * 1" is Mondays at 9:00.`}
            error={problems['trigger/cron']}
            onChange={(e) => change({ cron: e.target.value })}
          />
        ) : null}
      </div>
      <ConditionRows
        trigger={draft.trigger}
        conditions={draft.conditions}
        problems={problems}
        onChange={(conditions) => change({ conditions })}
      />
      <ActionRows
        workspaceId={workspaceId}
        me={me}
        trigger={draft.trigger}
        actions={draft.actions}
        problems={problems}
        onChange={(actions) => change({ actions })}
      />
      {dryRun.isSuccess ? <DryRunResult result={dryRun.data} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          isPending={dryRun.isPending}
          pendingLabel="Looking back 7 days…"
          onClick={() => {
            const rule = checked();
            if (rule !== null) dryRun.mutate(rule);
          }}
        >
          Try it on the last 7 days
        </Button>
        <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
          Save rule
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
