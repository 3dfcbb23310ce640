import { useQuery } from '@tanstack/react-query';
import type { AutomationActionWire as AutomationAction } from '@plume/contract/automation/automation-schemas';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { accountsQueryOptions } from '../accounts/accounts-query.ts';
import { membersQueryOptions } from '../members/members-query.ts';
import type { Problems } from './rule-draft.ts';

type Props = {
  workspaceId: string;
  action: AutomationAction;
  path: string;
  problems: Problems;
  onChange: (action: AutomationAction) => void;
};

const quoteHint = 'You can quote the event with {{field}}, e.g. {{handle}}.';

/** The fields of one action, by its type. */
export function ActionFields({ workspaceId, action, path, problems, onChange }: Props) {
  const error = (name: string) => problems[`${path}/${name}`];
  switch (action.type) {
    case 'generate_draft':
      return (
        <div className="space-y-2">
          <TextField
            label="What the post is about"
            value={action.topic}
            hint={quoteHint}
            error={error('topic')}
            onChange={(event) => onChange({ ...action, topic: event.target.value })}
          />
          <AccountPicker
            workspaceId={workspaceId}
            chosen={action.accountIds}
            error={problems[`${path}/accountIds`] ?? problems[`${path}/accountIds/0`]}
            onChange={(accountIds) => onChange({ ...action, accountIds })}
          />
        </div>
      );
    case 'draft_reply':
      return (
        <TextField
          label="Instructions for the AI (optional)"
          value={action.instructions ?? ''}
          error={error('instructions')}
          onChange={(event) => onChange({ ...action, instructions: event.target.value })}
        />
      );
    case 'send_reply':
      return (
        <TextField
          label="Reply"
          value={action.text}
          hint="Sent only when the workspace turned on disclosed automation; marked as automated."
          error={error('text')}
          onChange={(event) => onChange({ ...action, text: event.target.value })}
        />
      );
    case 'assign':
      return (
        <MemberPicker
          workspaceId={workspaceId}
          userId={action.userId}
          error={error('userId')}
          onChange={(userId) => onChange({ ...action, userId })}
        />
      );
    case 'tag':
      return (
        <TextField
          label="Tag"
          value={action.tag}
          error={error('tag')}
          onChange={(event) => onChange({ ...action, tag: event.target.value })}
        />
      );
    case 'notify':
      return (
        <div className="grid gap-2 sm:grid-cols-2">
          <SelectField
            label="Who"
            options={[
              { value: 'managers', label: 'Owners and admins' },
              { value: 'members', label: 'Every member' },
            ]}
            value={action.audience ?? 'managers'}
            onChange={(event) =>
              onChange({ ...action, audience: event.target.value === 'members' ? 'members' : 'managers' })
            }
          />
          <TextField
            label="Title"
            value={action.title}
            hint={quoteHint}
            error={error('title')}
            onChange={(event) => onChange({ ...action, title: event.target.value })}
          />
          <TextField
            label="Message (optional)"
            value={action.body ?? ''}
            error={error('body')}
            onChange={(event) => onChange({ ...action, body: event.target.value })}
          />
        </div>
      );
    case 'call_webhook':
      return (
        <TextField
          label="Webhook URL"
          value={action.url}
          hint="Plume POSTs the event, signed with this rule’s secret. Public addresses only."
          error={error('url')}
          onChange={(event) => onChange({ ...action, url: event.target.value })}
        />
      );
    case 'pause_autopilot':
      return (
        <TextField
          label="Why (shown on the autopilot)"
          value={action.reason}
          error={error('reason')}
          onChange={(event) => onChange({ ...action, reason: event.target.value })}
        />
      );
    case 'schedule_next_slot':
      return (
        <p className="text-sm text-muted">
          Schedules the draft the action above wrote in its accounts’ next free posting slot.
        </p>
      );
  }
}

function AccountPicker(props: {
  workspaceId: string;
  chosen: string[];
  error: string | undefined;
  onChange: (ids: string[]) => void;
}) {
  const accounts = useQuery(accountsQueryOptions(props.workspaceId));
  if (accounts.isPending) return <p className="text-sm text-muted">Loading accounts…</p>;
  if (accounts.isError || accounts.data.length === 0)
    return (
      <p className="text-sm text-danger">
        {props.error ?? 'Connect an account first: the draft is written for accounts.'}
      </p>
    );
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-ink">For the accounts</legend>
      {accounts.data.map((account) => (
        <CheckboxField
          key={account.id}
          label={`${account.handle} (${account.network})`}
          checked={props.chosen.includes(account.id)}
          onChange={(event) =>
            props.onChange(
              event.target.checked ? [...props.chosen, account.id] : props.chosen.filter((id) => id !== account.id),
            )
          }
        />
      ))}
      {props.error ? <p className="text-sm text-danger">{props.error}</p> : null}
    </fieldset>
  );
}

function MemberPicker(props: {
  workspaceId: string;
  userId: string;
  error: string | undefined;
  onChange: (id: string) => void;
}) {
  const members = useQuery(membersQueryOptions(props.workspaceId));
  const options = (members.data ?? []).map((member) => ({ value: member.userId, label: member.name || member.email }));
  return (
    <SelectField
      label="Assign to"
      options={options.length === 0 ? [{ value: props.userId, label: 'Loading members…' }] : options}
      value={props.userId}
      error={props.error}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}
