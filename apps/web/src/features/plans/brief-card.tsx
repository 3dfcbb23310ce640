import { useState, type FormEvent } from 'react';
import type { PlanBrief } from '@plume/contract/planning/plan-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { plusDays, timeOf } from './plan-days.ts';
import { useDropBrief, useReplaceBrief, useUpdateBrief } from './plan-queries.ts';

type Props = { workspaceId: string; planId: string; brief: PlanBrief; editable: boolean; zoneLabel: string };

const stateWords: Record<PlanBrief['state'], string> = {
  brief: 'Brief',
  drafted: 'Draft written',
  approved: 'Approved',
  scheduled: 'Scheduled',
  rejected: 'Rejected',
  replaced: 'Replaced',
};

/** One brief on the week board: its time, topic and draft; move a day, drop, reject or pull it. */
export function BriefCard({ workspaceId, planId, brief, editable, zoneLabel }: Props) {
  const update = useUpdateBrief(workspaceId, planId);
  const drop = useDropBrief(workspaceId, planId);
  const replace = useReplaceBrief(workspaceId, planId);
  const [asking, setAsking] = useState<null | 'reject' | 'pull'>(null);
  const [reason, setReason] = useState('');
  const time = timeOf(brief.slotLocal);
  const move = (days: number) => update.mutate({ briefId: brief.id, changes: { day: plusDays(brief.day, days) } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    replace.mutate({ briefId: brief.id, reason, emergency: asking === 'pull' }, { onSuccess: () => setAsking(null) });
  };
  const canReject = brief.state === 'drafted' || brief.state === 'approved';
  const canPull = brief.state === 'scheduled' && brief.postState === 'scheduled';

  return (
    <article
      aria-label={`${brief.topic} (${brief.accountHandle})`}
      className="rounded border border-line bg-surface p-2 text-xs"
      data-brief-id={brief.id}
    >
      <p className="font-medium text-ink">
        {time ? `${time} ` : ''}
        <span className="text-muted">{time ? zoneLabel : 'not placed'}</span>
      </p>
      <p className="mt-1">{brief.topic}</p>
      {brief.visualBrief ? <p className="mt-1 text-xs text-muted">Visual: {brief.visualBrief}</p> : null}
      <p className="mt-1 text-muted">
        {brief.pillar} · {stateWords[brief.state]}
        {brief.replacesId ? ' · replacement' : ''}
      </p>
      {brief.postText ? <p className="mt-1 line-clamp-3 italic">{brief.postText}</p> : null}
      {brief.placementReason && !brief.slot ? <p className="mt-1 text-danger">{brief.placementReason}</p> : null}
      {editable ? (
        <div className="mt-2 flex flex-wrap gap-1">
          {brief.postId === null ? (
            <>
              <Button variant="ghost" aria-label={`Move "${brief.topic}" a day earlier`} onClick={() => move(-1)}>
                ←
              </Button>
              <Button variant="ghost" aria-label={`Move "${brief.topic}" a day later`} onClick={() => move(1)}>
                →
              </Button>
            </>
          ) : null}
          {canReject ? (
            <Button variant="secondary" onClick={() => setAsking('reject')}>
              Reject
            </Button>
          ) : null}
          {canPull ? (
            <Button variant="secondary" onClick={() => setAsking('pull')}>
              Pull and replace
            </Button>
          ) : null}
          <Button variant="ghost" isPending={drop.isPending} onClick={() => drop.mutate(brief.id)}>
            Drop
          </Button>
        </div>
      ) : null}
      {update.isError ? <FormAlert error={update.error} /> : null}
      {drop.isError ? <FormAlert error={drop.error} /> : null}
      {asking ? (
        <form onSubmit={submit} className="mt-2 space-y-2" noValidate>
          <TextField
            label={asking === 'pull' ? 'Why pull it?' : 'Why reject it?'}
            hint="The writer gets this reason for the replacement."
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={fieldErrorsOf(replace.error)['reason']}
          />
          <div className="flex gap-1">
            <Button type="submit" isPending={replace.isPending} pendingLabel="Writing the replacement…">
              {asking === 'pull' ? 'Pull and write a replacement' : 'Reject and write a replacement'}
            </Button>
            <Button variant="ghost" onClick={() => setAsking(null)}>
              Cancel
            </Button>
          </div>
          {replace.isError && !fieldErrorsOf(replace.error)['reason'] ? <FormAlert error={replace.error} /> : null}
        </form>
      ) : null}
    </article>
  );
}
