import type { InboxReply } from '@plume/contract/inbox/inbox-schemas';
import { Button } from '../../components/button.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatTime } from '../../lib/format-time.ts';
import { Chip } from './inbox-chips.tsx';
import { originLabels, replyStateLabels } from './inbox-labels.ts';

export interface ReplyHandlers {
  onApprove: (reply: InboxReply) => void;
  onEdit: (reply: InboxReply) => void;
  onDiscard: (reply: InboxReply) => void;
  onResolve: (reply: InboxReply, outcome: 'sent' | 'not_sent') => void;
}

interface ReplyCardProps extends ReplyHandlers {
  reply: InboxReply;
  answering: string;
  networkName: string;
  timeZone: string;
  canEdit: boolean;
  isBusy: boolean;
}

const stateTone = {
  draft: 'plain',
  approved: 'accent',
  sending: 'accent',
  sent: 'good',
  failed: 'bad',
  unconfirmed: 'warn',
  discarded: 'plain',
} as const;

/** One reply and where it stands, with what a person can do at that stage. */
export function ReplyCard(props: ReplyCardProps) {
  const { reply, answering, networkName, timeZone, canEdit, isBusy } = props;
  const canChange = canEdit && (reply.state === 'draft' || reply.state === 'failed');
  return (
    <li className="rounded-md border border-line p-3 text-sm" aria-label={`Reply, ${replyStateLabels[reply.state]}`}>
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
        <Chip tone={stateTone[reply.state]}>{replyStateLabels[reply.state]}</Chip>
        <Chip tone={reply.origin === 'ai' ? 'accent' : 'plain'}>{originLabels[reply.origin]}</Chip>
        <span>Answering {answering}</span>
        <span>· {formatTime(reply.updatedAt, timeZone, { withZone: false })}</span>
      </div>
      <p className="mt-2 whitespace-pre-line text-ink">{reply.text}</p>
      {reply.disclosure ? (
        <p className="mt-1 text-xs text-muted">
          Ends with the disclosure: <span className="text-ink">{reply.disclosure}</span>
        </p>
      ) : null}
      <ReplyOutcome reply={reply} networkName={networkName} />
      {canChange ? (
        <div className="mt-2 flex flex-wrap gap-2">
          <Button disabled={isBusy} onClick={() => props.onApprove(reply)}>
            {reply.state === 'failed' ? 'Retry: approve & send' : 'Approve & send'}
          </Button>
          <Button variant="secondary" disabled={isBusy} onClick={() => props.onEdit(reply)}>
            Edit
          </Button>
          <Button variant="ghost" disabled={isBusy} onClick={() => props.onDiscard(reply)}>
            Discard
          </Button>
        </div>
      ) : null}
      {canEdit && reply.state === 'unconfirmed' ? (
        <div className="mt-2 flex flex-wrap gap-2">
          <Button variant="secondary" disabled={isBusy} onClick={() => props.onResolve(reply, 'sent')}>
            It went out
          </Button>
          <Button variant="secondary" disabled={isBusy} onClick={() => props.onResolve(reply, 'not_sent')}>
            It did not
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/** The send's result in words: the link once sent, the network's reason when it failed, the question when unknown. */
function ReplyOutcome({ reply, networkName }: { reply: InboxReply; networkName: string }) {
  if (reply.state === 'sent')
    return reply.url ? (
      <a href={reply.url} target="_blank" rel="noreferrer" className={`mt-2 inline-block text-xs ${textLinkClasses}`}>
        See it on {networkName}
      </a>
    ) : null;
  if (reply.state === 'failed')
    return (
      <p role="status" className="mt-2 text-sm text-danger">
        {networkName} did not take it: {reply.error ?? 'no reason given'}. Edit it or approve it again.
      </p>
    );
  if (reply.state === 'unconfirmed')
    return (
      <p role="status" className="mt-2 text-sm text-warning">
        Plume sent it but {networkName} never answered, so it may or may not be there. It is never sent again by itself:
        look on {networkName} and say what you saw.
      </p>
    );
  if (reply.state === 'approved' || reply.state === 'sending')
    return (
      <p role="status" className="mt-2 text-xs text-muted">
        {reply.state === 'approved' ? 'Queued to send.' : `Sending to ${networkName}…`}
      </p>
    );
  return null;
}
