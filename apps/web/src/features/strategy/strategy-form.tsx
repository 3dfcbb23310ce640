import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { strategyResponse } from '@plume/contract/planning/strategy-schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { useNetworkName } from '../networks/use-network-name.ts';
import { strategyPath, strategyQueryKey } from './strategy-queries.ts';
import { AddNetwork } from './add-network.tsx';
import { PostingRulesFields } from './posting-rules-fields.tsx';
import {
  newPillar,
  problemsByPath,
  toBody,
  toValues,
  totalShare,
  type FormValues,
  type Stored,
} from './strategy-form-values.ts';

function labelOf(path: string, values: FormValues): string | undefined {
  const [head, index, field] = path.split('/');
  if (head === 'pillars' && index !== undefined) {
    const name = values.pillars[Number(index)]?.name ?? `Pillar ${Number(index) + 1}`;
    return field ? `${name}, ${field}` : name;
  }
  if (head === 'pillars') return 'Pillars';
  if (head === 'monthlyAiBudgetUsd') return 'Monthly AI budget';
  if (head === 'rules') return 'Posting rules';
  return undefined;
}

/** The admin's editor: pillar shares, posts a week per network, KPI targets and the AI budget. */
export function StrategyForm({ workspaceId, strategy }: { workspaceId: string; strategy: Stored }) {
  const queryClient = useQueryClient();
  const networkName = useNetworkName();
  const [values, setValues] = useState<FormValues>(() => toValues(strategy));
  const save = useMutation({
    mutationFn: () => api.put(strategyPath(workspaceId), toBody(strategy, values), strategyResponse),
    onSuccess: (view) => queryClient.setQueryData(strategyQueryKey(workspaceId), view),
  });
  const problems = problemsByPath(save.error);
  const total = totalShare(values);

  const setPillar = (index: number, patch: Partial<FormValues['pillars'][number]>) =>
    setValues({
      ...values,
      pillars: values.pillars.map((pillar, at) => (at === index ? { ...pillar, ...patch } : pillar)),
    });
  const setCadence = (index: number, count: string) =>
    setValues({ ...values, cadence: values.cadence.map((entry, at) => (at === index ? [entry[0], count] : entry)) });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <Card title="Edit the strategy" description="Shares are percentages of the posts and must add up to 100.">
      <form noValidate onSubmit={handleSubmit} className="space-y-6">
        <FormAlert error={save.error} labels={(path) => labelOf(path, values)} />
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-ink">Pillars</legend>
          {values.pillars.map((pillar, index) => (
            <div
              key={pillar.key}
              className="grid items-start gap-2 rounded-md border border-line p-3 sm:grid-cols-[1fr_8rem_auto]"
            >
              <TextField
                label={`Pillar ${index + 1} name`}
                value={pillar.name}
                onChange={(event) => setPillar(index, { name: event.target.value })}
                error={problems[`pillars/${index}/name`]}
              />
              <TextField
                label={`${pillar.name || `Pillar ${index + 1}`} share (%)`}
                type="number"
                min={0}
                max={100}
                value={pillar.share}
                onChange={(event) => setPillar(index, { share: event.target.value })}
                error={problems[`pillars/${index}/share`]}
              />
              <Button
                variant="ghost"
                className="sm:mt-6"
                disabled={values.pillars.length <= 1}
                onClick={() => setValues({ ...values, pillars: values.pillars.filter((_pillar, at) => at !== index) })}
              >
                Remove {pillar.name || `pillar ${index + 1}`}
              </Button>
              <TextField
                className="sm:col-span-3"
                label={`${pillar.name || `Pillar ${index + 1}`} description`}
                value={pillar.description}
                onChange={(event) => setPillar(index, { description: event.target.value })}
                error={problems[`pillars/${index}/description`]}
              />
            </div>
          ))}
          {values.pillars.length < 8 ? (
            <Button
              variant="secondary"
              onClick={() => setValues({ ...values, pillars: [...values.pillars, newPillar(values)] })}
            >
              Add a pillar
            </Button>
          ) : null}
          <p className={`text-sm ${total === 100 ? 'text-muted' : 'text-danger'}`} aria-live="polite">
            Total: {total} %{total === 100 ? '' : ' (must be 100)'}
          </p>
          {problems.pillars ? <p className="text-sm text-danger">{problems.pillars}</p> : null}
        </fieldset>
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium text-ink">Posts a week per network (1–50)</legend>
          {values.cadence.map(([network, count], index) => (
            <div key={network} className="flex items-start gap-2">
              <TextField
                className="grow"
                label={`Posts a week on ${networkName(network)}`}
                type="number"
                min={1}
                max={50}
                value={count}
                onChange={(event) => setCadence(index, event.target.value)}
                error={problems[`cadence/${network}`]}
              />
              <Button
                variant="ghost"
                className="mt-6"
                disabled={values.cadence.length <= 1}
                onClick={() => setValues({ ...values, cadence: values.cadence.filter((_entry, at) => at !== index) })}
              >
                Remove {networkName(network)}
              </Button>
            </div>
          ))}
          <AddNetwork
            present={values.cadence.map(([network]) => network)}
            onAdd={(network) => setValues({ ...values, cadence: [...values.cadence, [network, '3']] })}
          />
        </fieldset>
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium text-ink">
            KPI targets per month (empty: tracked, no target)
          </legend>
          {strategy.kpiTargets.map((kpi, index) => (
            <TextField
              key={kpi.key}
              label={`${kpi.name} target${kpi.unit === 'percent' ? ' (%)' : kpi.unit === 'usd' ? ' (US$)' : ''}`}
              type="number"
              min={0}
              value={values.targets[kpi.key] ?? ''}
              onChange={(event) =>
                setValues({ ...values, targets: { ...values.targets, [kpi.key]: event.target.value } })
              }
              error={problems[`kpiTargets/${index}/target`]}
            />
          ))}
        </fieldset>
        <PostingRulesFields
          values={values.rules}
          problems={problems}
          onChange={(rules) => setValues({ ...values, rules })}
        />
        <TextField
          label="Monthly AI budget (US dollars)"
          hint="Also sets the monthly cap on model spending (Models page). Empty: no budget here, the Models page's cap stays."
          type="number"
          min={0}
          value={values.budget}
          onChange={(event) => setValues({ ...values, budget: event.target.value })}
          error={problems.monthlyAiBudgetUsd}
        />
        <div className="flex items-center gap-3">
          <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
            Save strategy
          </Button>
          {save.isSuccess ? <StatusMessage>Strategy saved.</StatusMessage> : null}
        </div>
      </form>
    </Card>
  );
}
