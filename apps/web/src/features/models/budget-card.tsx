import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { budgetResponse, type BudgetSettings, type BudgetView } from '@plume/contract/llm/llm-settings-schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { formatCount, formatUsd, parseCap } from './format-llm.ts';
import { budgetQueryOptions, llmPath } from './llm-queries.ts';
import { SpendBar } from './spend-bar.tsx';

type CapField = 'dailyLimitUsd' | 'monthlyLimitUsd' | 'dailyRequestLimit' | 'monthlyRequestLimit';
const capFields: { key: CapField; label: string; step: string }[] = [
  { key: 'dailyLimitUsd', label: 'Daily cap (USD)', step: '0.01' },
  { key: 'monthlyLimitUsd', label: 'Monthly cap (USD)', step: '0.01' },
  { key: 'dailyRequestLimit', label: 'Requests a day', step: '1' },
  { key: 'monthlyRequestLimit', label: 'Requests a month', step: '1' },
];

/** The budget's fields as the form labels them, for the list of problems. */
const budgetLabels: Readonly<Record<string, string>> = {
  ...Object.fromEntries(capFields.map(({ key, label }) => [key, label])),
  degradeAtPercent: 'Prefer cheaper models from',
};

const toInput = (value: number | null) => (value === null ? '' : String(value));

function BudgetForm({ workspaceId, budget, canAdmin }: { workspaceId: string; budget: BudgetView; canAdmin: boolean }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<CapField, string>>({
    dailyLimitUsd: toInput(budget.dailyLimitUsd),
    monthlyLimitUsd: toInput(budget.monthlyLimitUsd),
    dailyRequestLimit: toInput(budget.dailyRequestLimit),
    monthlyRequestLimit: toInput(budget.monthlyRequestLimit),
  });
  const [degrade, setDegrade] = useState(String(budget.degradeAtPercent));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: BudgetSettings) => api.put(`${llmPath(workspaceId)}/budget`, body, budgetResponse),
    onSuccess: (saved) => queryClient.setQueryData(budgetQueryOptions(workspaceId).queryKey, saved),
  });
  const errors: Record<string, string | undefined> = { ...fieldErrorsOf(save.error), ...localErrors };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = Object.fromEntries(capFields.map(({ key }) => [key, parseCap(values[key])])) as Record<
      CapField,
      number | null | undefined
    >;
    const invalid = Object.fromEntries(
      capFields
        .filter(({ key }) => parsed[key] === undefined)
        .map(({ key }) => [key, 'Enter a number of 0 or more, or leave empty for no cap.']),
    );
    setLocalErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    save.mutate({
      dailyLimitUsd: parsed.dailyLimitUsd ?? null,
      monthlyLimitUsd: parsed.monthlyLimitUsd ?? null,
      dailyRequestLimit: parsed.dailyRequestLimit ?? null,
      monthlyRequestLimit: parsed.monthlyRequestLimit ?? null,
      degradeAtPercent: Number(degrade),
    });
  }

  return (
    <form noValidate onSubmit={handleSubmit} aria-label="Budget" className="space-y-3">
      <FormAlert error={save.error} labels={budgetLabels} />
      <div className="grid gap-3 sm:grid-cols-2">
        {capFields.map(({ key, label, step }) => (
          <TextField
            key={key}
            label={label}
            name={key}
            type="number"
            min="0"
            step={step}
            inputMode="decimal"
            value={values[key]}
            readOnly={!canAdmin}
            hint="Empty: no cap."
            error={errors[key]}
            onChange={(e) => setValues((current) => ({ ...current, [key]: e.target.value }))}
          />
        ))}
      </div>
      <TextField
        label="Prefer cheaper models from (% of a money cap)"
        name="degradeAtPercent"
        type="number"
        min="1"
        max="100"
        value={degrade}
        readOnly={!canAdmin}
        error={errors.degradeAtPercent}
        onChange={(e) => setDegrade(e.target.value)}
      />
      {canAdmin ? (
        <div className="flex items-center gap-3">
          <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
            Save budget
          </Button>
          {save.isSuccess ? <StatusMessage>Saved.</StatusMessage> : null}
        </div>
      ) : (
        <p className="text-sm text-muted">Only admins and owners can change the budget.</p>
      )}
    </form>
  );
}

/** Money and request caps with today's and this month's spend; local models cost nothing. */
export function BudgetCard({ workspaceId, canAdmin }: { workspaceId: string; canAdmin: boolean }) {
  const budget = useQuery(budgetQueryOptions(workspaceId));
  return (
    <Card
      title="Budget"
      description="Paid models are skipped once a money cap would be passed; local models still answer."
    >
      {budget.isPending ? (
        <LoadingState label="Loading the budget…" />
      ) : budget.isError ? (
        <ErrorState error={budget.error} onRetry={() => void budget.refetch()} />
      ) : (
        <div className="space-y-6">
          <div className="space-y-3">
            <SpendBar
              label="Spent today"
              used={budget.data.today.costUsd}
              cap={budget.data.dailyLimitUsd}
              format={formatUsd}
              degradeAtPercent={budget.data.degradeAtPercent}
            />
            <SpendBar
              label="Spent this month"
              used={budget.data.thisMonth.costUsd}
              cap={budget.data.monthlyLimitUsd}
              format={formatUsd}
              degradeAtPercent={budget.data.degradeAtPercent}
            />
            <SpendBar
              label="Requests today"
              used={budget.data.today.requests}
              cap={budget.data.dailyRequestLimit}
              format={formatCount}
            />
            <SpendBar
              label="Requests this month"
              used={budget.data.thisMonth.requests}
              cap={budget.data.monthlyRequestLimit}
              format={formatCount}
            />
            {budget.data.degraded ? (
              <p className="text-sm text-warning">
                Past {budget.data.degradeAtPercent} % of a cap: cheaper and local models go first.
              </p>
            ) : null}
          </div>
          <BudgetForm
            key={JSON.stringify([
              budget.data.dailyLimitUsd,
              budget.data.monthlyLimitUsd,
              budget.data.dailyRequestLimit,
              budget.data.monthlyRequestLimit,
              budget.data.degradeAtPercent,
            ])}
            workspaceId={workspaceId}
            budget={budget.data}
            canAdmin={canAdmin}
          />
        </div>
      )}
    </Card>
  );
}
