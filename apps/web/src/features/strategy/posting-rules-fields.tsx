import { TextField } from '../../components/text-field.tsx';
import type { RuleValues } from './strategy-form-values.ts';

type Props = { values: RuleValues; problems: Record<string, string>; onChange: (values: RuleValues) => void };

/** The posting rules placement keeps: daily cap, quiet hours, minimum gap and natural cadence. */
export function PostingRulesFields({ values, problems, onChange }: Props) {
  const set = (patch: Partial<RuleValues>) => onChange({ ...values, ...patch });
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-medium text-ink">Posting rules (placement keeps them)</legend>
      <TextField
        label="Posts a day per account (1–24)"
        type="number"
        min={1}
        max={24}
        value={values.perDay}
        onChange={(event) => set({ perDay: event.target.value })}
        error={problems['rules/postsPerDayPerAccount']}
      />
      <TextField
        label="Minimum gap between two posts of an account (minutes)"
        type="number"
        min={0}
        max={1440}
        value={values.gap}
        onChange={(event) => set({ gap: event.target.value })}
        error={problems['rules/minGapMinutes']}
      />
      <TextField
        label="Quiet hours from (HH:mm, workspace time)"
        hint="Leave both quiet-hour fields empty for no quiet hours."
        value={values.quietFrom}
        placeholder="22:00"
        onChange={(event) => set({ quietFrom: event.target.value })}
        error={problems['rules/quietHours/from'] ?? problems['rules/quietHours']}
      />
      <TextField
        label="Quiet hours until (HH:mm, workspace time)"
        value={values.quietTo}
        placeholder="07:00"
        onChange={(event) => set({ quietTo: event.target.value })}
        error={problems['rules/quietHours/to']}
      />
      <TextField
        label="Natural cadence (± minutes, 0–15; 0 is off)"
        hint="Each placed time moves by up to this many minutes, so posts do not all land on the hour. Shown on each post as natural cadence."
        type="number"
        min={0}
        max={15}
        value={values.natural}
        onChange={(event) => set({ natural: event.target.value })}
        error={problems['rules/naturalCadenceMinutes']}
      />
    </fieldset>
  );
}
