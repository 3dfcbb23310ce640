import { useState, type FormEvent } from 'react';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { TextAreaField } from '../brand/text-area-field.tsx';
import { parsePillarLines } from './pillar-lines.ts';
import { useStartRun, type StartRunBody } from './agent-run-queries.ts';
import type { WireAgentRun } from '@plume/contract/agents/agent-run-schemas';

const kindOptions = [
  { value: 'intelligence_strategy', label: 'Intelligence, then a strategy proposal' },
  { value: 'intelligence', label: 'Intelligence only' },
  { value: 'learning', label: 'Learning: a retrospective of a week' },
];
const kinds: ReadonlyArray<StartRunBody['kind']> = ['intelligence_strategy', 'intelligence', 'learning'];
const monthOptions = [
  { value: '1', label: '1 month' },
  { value: '2', label: '2 months' },
  { value: '3', label: '3 months' },
];

/** Starts a run; its cost is estimated by the server first (a refusal says why, at the top). */
export function StartRunForm({
  workspaceId,
  onStarted,
}: {
  workspaceId: string;
  onStarted: (run: WireAgentRun) => void;
}) {
  const [kind, setKind] = useState<StartRunBody['kind']>('intelligence_strategy');
  const [startMonth, setStartMonth] = useState('');
  const [months, setMonths] = useState('1');
  const [week, setWeek] = useState('');
  const [pillarText, setPillarText] = useState('');
  const [goals, setGoals] = useState('');
  const [pillarError, setPillarError] = useState<string | undefined>();
  const start = useStartRun(workspaceId, onStarted);
  const errors = fieldErrorsOf(start.error);
  const withStrategy = kind === 'intelligence_strategy';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parsePillarLines(pillarText);
    setPillarError(parsed.error);
    if (parsed.error !== undefined) return;
    const goalList = goals
      .split('\n')
      .map((goal) => goal.trim())
      .filter(Boolean);
    start.mutate({
      kind,
      ...(withStrategy
        ? {
            months: Number(months),
            ...(startMonth === '' ? {} : { startMonth }),
            ...(parsed.pillars === undefined ? {} : { pillars: parsed.pillars }),
            ...(goalList.length === 0 ? {} : { goals: goalList }),
          }
        : {}),
      ...(kind === 'learning' && week !== '' ? { week } : {}),
    });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4" aria-label="Start an agent run">
      <FormAlert error={start.error} labels={{ pillars: 'Content pillars', startMonth: 'First month', week: 'Week' }} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="What to run"
          options={kindOptions}
          value={kind}
          onChange={(e) => setKind(kinds.find((item) => item === e.target.value) ?? 'intelligence_strategy')}
        />
        {kind === 'learning' ? (
          <TextField
            label="Week starting (a Monday)"
            type="date"
            name="week"
            value={week}
            hint="Empty: the last full week."
            onChange={(e) => setWeek(e.target.value)}
            error={errors.week}
          />
        ) : null}
        {withStrategy ? (
          <>
            <TextField
              label="First month"
              type="month"
              name="startMonth"
              value={startMonth}
              hint="Empty: next month."
              onChange={(e) => setStartMonth(e.target.value)}
              error={errors.startMonth}
            />
            <SelectField
              label="Months"
              options={monthOptions}
              value={months}
              onChange={(e) => setMonths(e.target.value)}
            />
          </>
        ) : null}
      </div>
      {withStrategy ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextAreaField
            label="Content pillars"
            name="pillars"
            rows={4}
            value={pillarText}
            placeholder={'Daily bakes, 50\nBehind the counter, 30\nOffers, 20'}
            hint="One per line: name, share of posts (adding up to 100). Empty: the brand profile’s topics, in equal shares."
            onChange={(e) => setPillarText(e.target.value)}
            error={pillarError ?? errors.pillars ?? errors.key ?? errors.share}
          />
          <TextAreaField
            label="Goals"
            name="goals"
            rows={4}
            value={goals}
            hint="One per line; each becomes a KPI target. Empty: the brand profile’s goals."
            onChange={(e) => setGoals(e.target.value)}
            error={errors.goals}
          />
        </div>
      ) : null}
      <Button type="submit" isPending={start.isPending} pendingLabel="Estimating and starting…">
        Start run
      </Button>
    </form>
  );
}
