import { useState, type FormEvent } from 'react';
import type { PlanDetail } from '@plume/contract/planning/plan-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { namedProblemsOf, relativePath } from '../../lib/field-errors.ts';
import { dayLabel } from './plan-days.ts';
import { useUpdateThemes } from './plan-queries.ts';

/** A theme per week of the month; an empty field leaves the week without one. */
export function WeekThemesForm({
  workspaceId,
  plan,
  onDone,
}: {
  workspaceId: string;
  plan: PlanDetail;
  onDone: () => void;
}) {
  const save = useUpdateThemes(workspaceId, plan.id);
  const [themes, setThemes] = useState<Record<string, string>>(() =>
    Object.fromEntries(plan.themes.map((item) => [item.week, item.theme])),
  );
  const weeks = plan.weeks.filter((week) => (themes[week] ?? '').trim() !== '');
  const problems = namedProblemsOf(save.error);
  /** The message for one week's field: the API names it by its index in the list sent (`body/themes/1/theme`). */
  const errorOf = (week: string) =>
    problems.find((problem) => relativePath(problem.path).startsWith(`themes/${weeks.indexOf(week)}/`))?.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      weeks.map((week) => ({ week, theme: (themes[week] ?? '').trim() })),
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Weekly themes" className="space-y-2" noValidate>
      {plan.weeks.map((week) => (
        <TextField
          key={week}
          label={`Week of ${dayLabel(week)}`}
          value={themes[week] ?? ''}
          onChange={(event) => setThemes((current) => ({ ...current, [week]: event.target.value }))}
          error={weeks.includes(week) ? errorOf(week) : undefined}
        />
      ))}
      {save.isError && problems.length === 0 ? <FormAlert error={save.error} /> : null}
      <div className="flex gap-2">
        <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
          Save themes
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
