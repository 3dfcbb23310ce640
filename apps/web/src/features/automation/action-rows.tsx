import type { AutomationActionWire as AutomationAction } from '@plume/contract/automation/automation-schemas';
import {
  ACTION_LABELS,
  AUTOMATION_ACTIONS,
  INBOX_ACTIONS,
  type AutomationActionType,
  type AutomationTrigger,
} from '@plume/contract/automation/automation-triggers';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { ActionFields } from './action-fields.tsx';
import { newAction, type Problems } from './rule-draft.ts';

type Props = {
  workspaceId: string;
  me: string;
  trigger: AutomationTrigger;
  actions: AutomationAction[];
  problems: Problems;
  onChange: (actions: AutomationAction[]) => void;
};

/** "Then" rows: the actions in order, each with its fields. */
export function ActionRows({ workspaceId, me, trigger, actions, problems, onChange }: Props) {
  const types = AUTOMATION_ACTIONS.filter((type) => trigger === 'inbox.item_created' || !INBOX_ACTIONS.includes(type));
  const set = (index: number, action: AutomationAction) =>
    onChange(actions.map((item, at) => (at === index ? action : item)));
  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 text-sm font-medium text-ink">Then, in order</legend>
      {actions.map((action, index) => (
        <div key={index} className="space-y-2 rounded border border-line p-3">
          <div className="flex items-start gap-2">
            <SelectField
              className="grow"
              label={`Action ${index + 1}`}
              options={types.map((type) => ({ value: type, label: ACTION_LABELS[type] }))}
              value={action.type}
              error={problems[`actions/${index}/type`]}
              onChange={(event) => set(index, newAction(event.target.value as AutomationActionType, me))}
            />
            <Button variant="ghost" className="mt-6" onClick={() => onChange(actions.filter((_, at) => at !== index))}>
              Remove
            </Button>
          </div>
          <ActionFields
            workspaceId={workspaceId}
            action={action}
            path={`actions/${index}`}
            problems={problems}
            onChange={(next) => set(index, next)}
          />
        </div>
      ))}
      {problems.actions ? <p className="text-sm text-danger">{problems.actions}</p> : null}
      <Button variant="secondary" onClick={() => onChange([...actions, newAction(types[0] ?? 'notify', me)])}>
        Add an action
      </Button>
    </fieldset>
  );
}
