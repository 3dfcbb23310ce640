import { useQuery } from '@tanstack/react-query';
import { NETWORK_IDS, type NetworkId } from '@plume/contract/networks/network-enums';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { RadioCard } from '../../components/radio-card.tsx';
import { TextField } from '../../components/text-field.tsx';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { useNetworkName } from '../networks/use-network-name.ts';
import { GOAL_CHOICES, type Answers } from './onboarding-answers.ts';
import { templatesQueryOptions } from './strategy-queries.ts';

export type StepProps = {
  answers: Answers;
  errors: FieldErrors;
  onChange: (answers: Answers) => void;
};

function GroupError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="mt-1 text-sm text-danger">
      {error}
    </p>
  ) : null;
}

/** Step 1: the kind of business or creator, which picks the industry template. */
export function BusinessStep({
  answers,
  errors,
  onChangeTemplate,
}: StepProps & { onChangeTemplate: (id: string) => void }) {
  const templates = useQuery(templatesQueryOptions);
  if (templates.isPending) return <LoadingState label="Loading the kinds of business…" />;
  if (templates.isError) return <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />;
  return (
    <fieldset aria-describedby={errors.templateId ? 'templateId-error' : undefined}>
      <legend className="mb-2 text-sm font-medium text-ink">What kind of business or creator is this?</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {templates.data.items.map((template) => (
          <RadioCard
            key={template.id}
            name="templateId"
            value={template.id}
            label={template.name}
            description={template.description}
            checked={answers.templateId === template.id}
            onChange={() => onChangeTemplate(template.id)}
          />
        ))}
      </div>
      <GroupError id="templateId-error" error={errors.templateId} />
    </fieldset>
  );
}

/** Step 2: what the posts are for. */
export function GoalsStep({ answers, errors, onChange }: StepProps) {
  return (
    <fieldset aria-describedby={errors.goals ? 'goals-error' : undefined}>
      <legend className="mb-2 text-sm font-medium text-ink">What should social media do for you?</legend>
      <div className="space-y-3">
        {GOAL_CHOICES.map((goal) => (
          <CheckboxField
            key={goal.value}
            label={goal.label}
            description={goal.description}
            checked={answers.goals.includes(goal.value)}
            onChange={(event) =>
              onChange({
                ...answers,
                goals: event.target.checked
                  ? [...answers.goals, goal.value]
                  : answers.goals.filter((value) => value !== goal.value),
              })
            }
          />
        ))}
      </div>
      <GroupError id="goals-error" error={errors.goals} />
    </fieldset>
  );
}

/** Step 3: who the posts are for and how they sound. */
export function AudienceStep({ answers, errors, onChange }: StepProps) {
  return (
    <div className="space-y-4">
      <TextField
        label="Audience"
        hint="Who the posts are for, in a sentence: e.g. home owners in Leeds who want a reliable plumber."
        value={answers.audience}
        maxLength={500}
        onChange={(event) => onChange({ ...answers, audience: event.target.value })}
        error={errors.audience}
      />
      <TextField
        label="Tone"
        hint="A few words, separated by commas: e.g. friendly, expert, direct."
        value={answers.tone}
        onChange={(event) => onChange({ ...answers, tone: event.target.value })}
        error={errors.tone}
      />
    </div>
  );
}

/** Step 4: the networks to post on and how often on each. */
export function NetworksStep({ answers, errors, onChange }: StepProps) {
  const networkName = useNetworkName();
  const setCadence = (network: NetworkId, value: string | undefined) => {
    const cadence = { ...answers.cadence };
    if (value === undefined) delete cadence[network];
    else cadence[network] = value;
    onChange({ ...answers, cadence });
  };
  return (
    <fieldset aria-describedby={errors.cadence ? 'cadence-error' : undefined}>
      <legend className="mb-1 text-sm font-medium text-ink">Where and how often should Plume post?</legend>
      <p className="mb-3 text-xs text-muted">
        The template suggests a starting cadence; Plume adjusts it from your results. Posts a week, 1 to 50.
      </p>
      <GroupError id="cadence-error" error={errors.cadence} />
      <ul className="grid gap-3 sm:grid-cols-2">
        {NETWORK_IDS.map((network) => {
          const value = answers.cadence[network];
          return (
            <li key={network} className="rounded-md border border-line p-3">
              <CheckboxField
                label={networkName(network)}
                checked={value !== undefined}
                onChange={(event) => setCadence(network, event.target.checked ? '3' : undefined)}
              />
              {value !== undefined ? (
                <TextField
                  className="mt-2"
                  label={`Posts a week on ${networkName(network)}`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={50}
                  value={value}
                  onChange={(event) => setCadence(network, event.target.value)}
                  error={errors[network]}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** Step 5: the monthly AI budget. */
export function BudgetStep({ answers, errors, onChange }: StepProps) {
  return (
    <TextField
      label="Monthly AI budget (US dollars)"
      hint="The most Plume may spend on cloud AI models in a calendar month; local models cost nothing. Leave empty for no cap."
      type="number"
      inputMode="decimal"
      min={0}
      step="0.01"
      value={answers.budget}
      onChange={(event) => onChange({ ...answers, budget: event.target.value })}
      error={errors.monthlyAiBudgetUsd}
    />
  );
}
