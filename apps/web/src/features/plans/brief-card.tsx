import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import type { PlanBrief } from '@plume/contract/planning/plan-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { AbTestDialog } from './ab-test-dialog.tsx';
import type { AbRole } from './ab-test-queries.ts';
import { EditBriefForm } from './edit-brief-form.tsx';
import { canMove, type MoveInput } from './move-brief.ts';
import { MoveBriefForm } from './move-brief-form.tsx';
import { timeOf } from './plan-days.ts';
import { useDropBrief, useReplaceBrief } from './plan-queries.ts';

/** How the board moves a card: the days it may go to, the day it was dropped on, and what was refused. */
export type CardMoves = {
  days: readonly string[];
  /** Set after a drop: the move form opens on that day. */
  dropDay: string | null;
  /** Why the last move of this card was refused (a drop on another network, or the server's 409). */
  refusal: unknown;
  onMove: (move: MoveInput) => void;
  onClose: () => void;
};

type Props = {
  workspaceId: string;
  planId: string;
  brief: PlanBrief;
  editable: boolean;
  zoneLabel: string;
  /** The A/B test this brief is variant A or B of. */
  ab?: AbRole | undefined;
  moves: CardMoves;
};

const stateWords: Record<PlanBrief['state'], string> = {
  brief: 'Brief',
  drafted: 'Draft written',
  approved: 'Approved',
  scheduled: 'Scheduled',
  rejected: 'Rejected',
  replaced: 'Replaced',
};

type Asking = null | 'reject' | 'pull' | 'move' | 'edit';

function Refusal({ refusal }: { refusal: unknown }) {
  if (refusal === null || refusal === undefined) return null;
  if (typeof refusal === 'string')
    return (
      <p role="alert" className="mt-2 text-danger">
        {refusal}
      </p>
    );
  return <FormAlert error={refusal} />;
}

/** One brief on the week board: its time, topic and draft; drag or "Move…" it, edit, drop, reject or pull it. */
export function BriefCard({ workspaceId, planId, brief, editable, zoneLabel, moves, ab }: Props) {
  const drop = useDropBrief(workspaceId, planId);
  const replace = useReplaceBrief(workspaceId, planId);
  const [asking, setAsking] = useState<Asking>(null);
  const [reason, setReason] = useState('');
  const [testing, setTesting] = useState(false);
  const time = timeOf(brief.slotLocal);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    replace.mutate({ briefId: brief.id, reason, emergency: asking === 'pull' }, { onSuccess: () => setAsking(null) });
  };
  const canReject = brief.state === 'drafted' || brief.state === 'approved';
  const canPull = brief.state === 'scheduled' && brief.postState === 'scheduled';
  const canTest = ab === undefined && brief.slot !== null && ['drafted', 'approved', 'scheduled'].includes(brief.state);
  const movable = editable && canMove(brief);
  const moveDay = moves.dropDay ?? (asking === 'move' ? brief.day : null);
  const closeMove = () => {
    setAsking(null);
    moves.onClose();
  };

  return (
    <article
      aria-label={`${brief.topic} (${brief.accountHandle})`}
      className={`rounded border border-line bg-surface p-2 text-xs ${movable ? 'cursor-grab' : ''}`}
      data-brief-id={brief.id}
      draggable={movable}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', brief.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <p className="font-medium text-ink">
        {time ? `${time} ` : ''}
        <span className="text-muted">{time ? zoneLabel : 'not placed'}</span>
      </p>
      <p className="mt-1">{brief.topic}</p>
      {brief.visualBrief ? <p className="mt-1 text-xs text-muted">Visual: {brief.visualBrief}</p> : null}
      <p className="mt-1 text-muted">
        {brief.pillar} · {brief.format.replaceAll('_', ' ')} · {stateWords[brief.state]}
        {brief.replacesId ? ' · replacement' : ''}
      </p>
      {ab ? (
        <p className="mt-1 font-medium text-accent" data-ab-test={ab.test.id}>
          A/B · {ab.variant}
        </p>
      ) : null}
      {brief.notes ? <p className="mt-1 text-muted">Notes: {brief.notes}</p> : null}
      {brief.postText ? <p className="mt-1 line-clamp-3 italic">{brief.postText}</p> : null}
      {brief.postId ? (
        <Link
          to="/w/$workspaceId/posts/$postId"
          params={{ workspaceId, postId: brief.postId }}
          className={`mt-1 inline-block ${textLinkClasses}`}
          aria-label={`Open the post for "${brief.topic}"`}
        >
          Open the post
        </Link>
      ) : null}
      {brief.placementReason && !brief.slot ? <p className="mt-1 text-danger">{brief.placementReason}</p> : null}
      {editable ? (
        <div className="mt-2 flex flex-wrap gap-1">
          {movable ? (
            <Button variant="ghost" aria-label={`Move "${brief.topic}"…`} onClick={() => setAsking('move')}>
              Move…
            </Button>
          ) : null}
          {brief.state === 'brief' || brief.state === 'drafted' ? (
            <Button variant="ghost" aria-label={`Edit "${brief.topic}"`} onClick={() => setAsking('edit')}>
              Edit
            </Button>
          ) : null}
          {canReject ? (
            <Button variant="secondary" onClick={() => setAsking('reject')}>
              Reject
            </Button>
          ) : null}
          {canTest ? (
            <Button variant="secondary" onClick={() => setTesting(true)}>
              A/B test
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
      <Refusal refusal={moves.refusal} />
      {drop.isError ? <FormAlert error={drop.error} /> : null}
      {testing ? (
        <AbTestDialog workspaceId={workspaceId} planId={planId} brief={brief} onClose={() => setTesting(false)} />
      ) : null}
      {moveDay !== null ? (
        <MoveBriefForm
          key={moveDay}
          brief={brief}
          days={moves.days}
          initialDay={moveDay}
          zoneLabel={zoneLabel}
          onMove={(move) => {
            setAsking(null);
            moves.onMove(move);
          }}
          onCancel={closeMove}
        />
      ) : null}
      {asking === 'edit' ? (
        <EditBriefForm workspaceId={workspaceId} planId={planId} brief={brief} onDone={() => setAsking(null)} />
      ) : null}
      {asking === 'reject' || asking === 'pull' ? (
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
