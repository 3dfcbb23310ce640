import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { autopilotSettingsSchema, type WireAutopilotSettings } from '@plume/contract/planning/autopilot-schemas';
import type { WorkspaceRole } from '@plume/contract/workspaces/workspace-enums';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { formatTime } from '../../lib/format-time.ts';
import { TextAreaField } from '../brand/text-area-field.tsx';
import { autopilotPath, autopilotQueryKey, autopilotQueryOptions } from './autopilot-queries.ts';
import { autopilotBody, autopilotValues, LEVEL_OPTIONS, type AutopilotValues } from './autopilot-values.ts';
import { problemsByPath } from './strategy-form-values.ts';

type Props = {
  workspaceId: string;
  role: WorkspaceRole | undefined;
  timezone: string;
  pillars: { key: string; name: string }[];
};

const LABELS: Record<string, string> = {
  level: 'Autopilot level',
  approvedPillars: 'Approved pillars',
  postsPerDayPerAccount: 'Posts a day per account',
  bannedTopics: 'Banned topics',
};

function PausedNotice(props: {
  settings: WireAutopilotSettings;
  timezone: string;
  workspaceId: string;
  canResume: boolean;
}) {
  const queryClient = useQueryClient();
  const resume = useMutation({
    mutationFn: () => api.post(`${autopilotPath(props.workspaceId)}/resume`, {}, autopilotSettingsSchema),
    onSuccess: (saved) => queryClient.setQueryData(autopilotQueryKey(props.workspaceId), saved),
  });
  const paused = props.settings.paused;
  if (paused === null) return null;
  return (
    <div role="status" className="space-y-2 rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm">
      <p className="font-medium text-ink">
        The autopilot is paused since {formatTime(paused.at, props.timezone)}: nothing is scheduled by itself.
      </p>
      <p>{paused.reason}</p>
      <FormAlert error={resume.error} />
      {props.canResume ? (
        <Button
          variant="secondary"
          isPending={resume.isPending}
          pendingLabel="Resuming…"
          onClick={() => resume.mutate()}
        >
          Resume the autopilot
        </Button>
      ) : (
        <p className="text-muted">An admin of this workspace can resume it.</p>
      )}
    </div>
  );
}

function AutopilotForm(props: Props & { settings: WireAutopilotSettings }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<AutopilotValues>(() => autopilotValues(props.settings));
  const save = useMutation({
    mutationFn: () => api.put(autopilotPath(props.workspaceId), autopilotBody(values), autopilotSettingsSchema),
    onSuccess: (saved) => queryClient.setQueryData(autopilotQueryKey(props.workspaceId), saved),
  });
  const problems = problemsByPath(save.error);
  const set = (patch: Partial<AutopilotValues>) => setValues({ ...values, ...patch });
  const canEdit = props.role !== undefined && props.role !== 'viewer';
  const togglePillar = (key: string, on: boolean) =>
    set({
      approvedPillars: on ? [...values.approvedPillars, key] : values.approvedPillars.filter((item) => item !== key),
    });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormAlert error={save.error} labels={(path) => LABELS[path.split('/')[0] ?? '']} />
      <SelectField
        label="Autopilot level"
        hint="Raising the level takes an admin or the owner."
        options={LEVEL_OPTIONS}
        value={values.level}
        disabled={!canEdit}
        onChange={(event) => set({ level: event.target.value as AutopilotValues['level'] })}
        error={problems.level}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-ink">
          Approved pillars (the autopilot may schedule their drafts)
        </legend>
        {props.pillars.length === 0 ? (
          <p className="text-sm text-muted">The strategy has no pillars yet.</p>
        ) : (
          props.pillars.map((pillar, index) => (
            <CheckboxField
              key={pillar.key}
              label={pillar.name}
              disabled={!canEdit}
              checked={values.approvedPillars.includes(pillar.key)}
              onChange={(event) => togglePillar(pillar.key, event.target.checked)}
              description={problems[`approvedPillars/${index}`]}
            />
          ))
        )}
        {problems.approvedPillars ? <p className="text-sm text-danger">{problems.approvedPillars}</p> : null}
      </fieldset>
      <TextField
        label="Posts a day per account the autopilot schedules up to (1–24)"
        type="number"
        min={1}
        max={24}
        disabled={!canEdit}
        value={values.perDay}
        onChange={(event) => set({ perDay: event.target.value })}
        error={problems.postsPerDayPerAccount}
      />
      <TextAreaField
        label="Banned topics, one per line"
        hint="A draft mentioning one (whole words, any case) is never scheduled by itself."
        disabled={!canEdit}
        value={values.bannedTopics}
        onChange={(event) => set({ bannedTopics: event.target.value })}
        error={
          problems.bannedTopics ?? Object.entries(problems).find(([path]) => path.startsWith('bannedTopics/'))?.[1]
        }
      />
      <CheckboxField
        label="Require the AI disclosure"
        description="Only posts carrying the AI-generated label where the network takes one (and the persona's line) are scheduled by themselves."
        disabled={!canEdit}
        checked={values.requireAiDisclosure}
        onChange={(event) => set({ requireAiDisclosure: event.target.checked })}
      />
      <CheckboxField
        label="Pause on a negative spike"
        description="A failure burst, a post far below its account's usual engagement, or a sharp follower drop pauses the autopilot until someone resumes it."
        disabled={!canEdit}
        checked={values.pauseOnNegativeSpike}
        onChange={(event) => set({ pauseOnNegativeSpike: event.target.checked })}
      />
      {canEdit ? (
        <div className="flex items-center gap-3">
          <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
            Save autopilot
          </Button>
          {save.isSuccess ? <StatusMessage>Autopilot saved.</StatusMessage> : null}
        </div>
      ) : null}
    </form>
  );
}

/** The autopilot section of the Strategy page: level, guardrails, and a pause with its reason and Resume. */
export function AutopilotCard(props: Props) {
  const query = useQuery(autopilotQueryOptions(props.workspaceId));
  const canResume = props.role === 'admin' || props.role === 'owner';
  return (
    <Card
      title="Autopilot"
      description="How far Plume acts on its own. Quiet hours are the strategy's posting rules; every automatic action is in the audit log."
    >
      {query.isPending ? (
        <LoadingState label="Loading the autopilot…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div className="space-y-4">
          <PausedNotice
            settings={query.data}
            timezone={props.timezone}
            workspaceId={props.workspaceId}
            canResume={canResume}
          />
          <AutopilotForm {...props} settings={query.data} key={query.data.updatedAt ?? 'default'} />
        </div>
      )}
    </Card>
  );
}
