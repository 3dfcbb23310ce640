import {
  OPERATOR_LABELS,
  TRIGGER_FIELDS,
  operatorsFor,
  type AutomationTrigger,
} from '@plume/contract/automation/automation-triggers';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import type { ConditionDraft, Problems } from './rule-draft.ts';

type Props = {
  trigger: AutomationTrigger;
  conditions: ConditionDraft[];
  problems: Problems;
  onChange: (conditions: ConditionDraft[]) => void;
};

/** "Only when …" rows: a field of the trigger, how to compare, and the value. All must hold. */
export function ConditionRows({ trigger, conditions, problems, onChange }: Props) {
  const fields = TRIGGER_FIELDS[trigger];
  const set = (index: number, change: Partial<ConditionDraft>) =>
    onChange(conditions.map((condition, at) => (at === index ? { ...condition, ...change } : condition)));
  const add = () => {
    const first = fields[0];
    if (first !== undefined)
      onChange([...conditions, { field: first.name, operator: operatorsFor(first.type)[0]!, value: '' }]);
  };
  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 text-sm font-medium text-ink">Only when (all must hold)</legend>
      {conditions.length === 0 ? <p className="text-sm text-muted">No conditions: every event runs the rule.</p> : null}
      {conditions.map((condition, index) => {
        const field = fields.find((item) => item.name === condition.field);
        const operators = field === undefined ? [] : operatorsFor(field.type);
        const choices = field?.type.kind === 'choice' && condition.operator !== 'in' ? field.type.values : null;
        const path = `conditions/${index}`;
        return (
          <div key={index} className="grid items-start gap-2 sm:grid-cols-[1fr_1fr_1.5fr_auto]">
            <SelectField
              label={`Condition ${index + 1}: field`}
              options={fields.map((item) => ({ value: item.name, label: item.label }))}
              value={condition.field}
              error={problems[`${path}/field`]}
              onChange={(event) => {
                const next = fields.find((item) => item.name === event.target.value);
                set(index, {
                  field: event.target.value,
                  operator: next ? operatorsFor(next.type)[0]! : 'equals',
                  value: '',
                });
              }}
            />
            <SelectField
              label="compared"
              options={operators.map((operator) => ({ value: operator, label: OPERATOR_LABELS[operator] }))}
              value={condition.operator}
              error={problems[`${path}/operator`]}
              onChange={(event) => set(index, { operator: event.target.value })}
            />
            {choices === null ? (
              <TextField
                label="with"
                value={condition.value}
                hint={condition.operator === 'in' ? 'Separate values with commas.' : undefined}
                error={problems[`${path}/value`]}
                onChange={(event) => set(index, { value: event.target.value })}
              />
            ) : (
              <SelectField
                label="with"
                options={[{ value: '', label: 'Choose…' }, ...choices.map((value) => ({ value, label: value }))]}
                value={condition.value}
                error={problems[`${path}/value`]}
                onChange={(event) => set(index, { value: event.target.value })}
              />
            )}
            <Button
              variant="ghost"
              className="sm:mt-6"
              onClick={() => onChange(conditions.filter((_, at) => at !== index))}
            >
              Remove
            </Button>
          </div>
        );
      })}
      <Button variant="secondary" onClick={add}>
        Add a condition
      </Button>
    </fieldset>
  );
}
