import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { onboardingResponse } from '@plume/contract/planning/strategy-schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf, type FieldErrors } from '../../lib/field-errors.ts';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { canManage } from '../workspaces/roles.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import {
  emptyAnswers,
  stepErrors,
  stepOfField,
  STEPS,
  toBody,
  withTemplate,
  type Answers,
} from './onboarding-answers.ts';
import { AudienceStep, BudgetStep, BusinessStep, GoalsStep, NetworksStep } from './onboarding-steps.tsx';
import { onboardingPath, templateQueryOptions } from './strategy-queries.ts';

const labels = { templateId: 'Kind of business', monthlyAiBudgetUsd: 'Monthly AI budget', cadence: 'Networks' };

function StepProgress({ step }: { step: number }) {
  return (
    <div className="mb-4">
      <p className="text-sm font-medium text-ink">
        Step {step + 1} of {STEPS.length}: {STEPS[step]}
      </p>
      <progress
        className="mt-2 h-2 w-full accent-accent"
        value={step + 1}
        max={STEPS.length}
        aria-label="Wizard progress"
      />
      <ol className="mt-2 flex flex-wrap gap-3 text-xs text-muted">
        {STEPS.map((name, index) => (
          <li
            key={name}
            aria-current={index === step ? 'step' : undefined}
            className={index === step ? 'font-semibold text-accent' : ''}
          >
            {index + 1}. {name}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** /w/$workspaceId/onboarding — five short steps that fill the brand profile and create the first strategy. */
export function OnboardingPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Answers>(emptyAnswers);
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useMutation({
    mutationFn: () => api.post(onboardingPath(workspaceId), toBody(answers), onboardingResponse),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['workspaces', workspaceId] });
      await navigate({ to: '/w/$workspaceId/strategy', params: { workspaceId } });
    },
    onError: (error) => {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      const first = Object.keys(fields)[0];
      if (first) setStep(stepOfField(first));
    },
  });

  async function chooseTemplate(templateId: string) {
    setAnswers({ ...answers, templateId });
    const template = await queryClient.fetchQuery(templateQueryOptions(templateId));
    setAnswers((current) => withTemplate({ ...current, cadence: {} }, template));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = stepErrors(step, answers);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    if (step < STEPS.length - 1) setStep(step + 1);
    else submit.mutate();
  }

  const skip = (
    <Link to="/w/$workspaceId" params={{ workspaceId }} className={textLinkClasses}>
      Skip for now
    </Link>
  );
  if (!canManage(workspace.role))
    return (
      <>
        <PageHeader title="Set up this workspace" />
        <Card>
          <p className="text-sm text-muted">Only an admin of this workspace can set up its strategy. {skip}</p>
        </Card>
      </>
    );

  const props = { answers, errors, onChange: setAnswers };
  return (
    <>
      <PageHeader
        title="Set up this workspace"
        description="A few answers fill the brand profile and start a strategy from an industry template. You can change everything later, or run this again from the Strategy page."
        action={skip}
      />
      <Card>
        <StepProgress step={step} />
        <form noValidate onSubmit={handleSubmit} className="space-y-5">
          <FormAlert error={submit.error} labels={labels} />
          {step === 0 ? <BusinessStep {...props} onChangeTemplate={(id) => void chooseTemplate(id)} /> : null}
          {step === 1 ? <GoalsStep {...props} /> : null}
          {step === 2 ? <AudienceStep {...props} /> : null}
          {step === 3 ? <NetworksStep {...props} /> : null}
          {step === 4 ? <BudgetStep {...props} /> : null}
          <div className="flex flex-wrap items-center gap-3">
            {step > 0 ? (
              <Button
                variant="secondary"
                onClick={() => {
                  setErrors({});
                  setStep(step - 1);
                }}
              >
                Back
              </Button>
            ) : null}
            <Button type="submit" isPending={submit.isPending} pendingLabel="Saving the strategy…">
              {step < STEPS.length - 1 ? 'Next' : 'Finish'}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
