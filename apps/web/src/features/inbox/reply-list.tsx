import type { ConversationDetail, InboxReply } from '@plume/contract/inbox/inbox-schemas';
import { FormAlert } from '../../components/form-alert.tsx';
import { ReplyCard } from './reply-card.tsx';
import { itemSummary } from './reply-targets.ts';
import { useReplyActions } from './use-reply-actions.ts';

interface ReplyListProps {
  workspaceId: string;
  conversation: ConversationDetail;
  networkName: string;
  timeZone: string;
  canEdit: boolean;
  onEdit: (reply: InboxReply) => void;
}

/** Drafts waiting for a person and replies on their way or sent, oldest first; discarded ones are left out. */
export function ReplyList({ workspaceId, conversation, networkName, timeZone, canEdit, onEdit }: ReplyListProps) {
  const actions = useReplyActions(workspaceId, conversation.id);
  const replies = conversation.replies.filter((reply) => reply.state !== 'discarded' && reply.state !== 'sent');
  const sentCount = conversation.replies.filter((reply) => reply.state === 'sent').length;
  const sent = conversation.replies.filter((reply) => reply.state === 'sent').slice(-3);
  const shown = [...sent, ...replies];
  if (shown.length === 0) return null;
  const answering = (reply: InboxReply) => {
    const item = conversation.items.find((candidate) => candidate.id === reply.itemId);
    return item ? itemSummary(item, 40) : 'an earlier message';
  };
  const isBusy = actions.act.isPending || actions.resolve.isPending;
  return (
    <section aria-label="Replies" className="space-y-2">
      <h3 className="text-sm font-semibold text-ink">
        Replies{sentCount > sent.length ? ` (latest ${sent.length} of ${sentCount} sent)` : ''}
      </h3>
      <ul className="space-y-2">
        {shown.map((reply) => (
          <ReplyCard
            key={reply.id}
            reply={reply}
            answering={answering(reply)}
            networkName={networkName}
            timeZone={timeZone}
            canEdit={canEdit}
            isBusy={isBusy}
            onApprove={(r) => actions.act.mutate({ replyId: r.id, verb: 'approve' })}
            onDiscard={(r) => actions.act.mutate({ replyId: r.id, verb: 'discard' })}
            onEdit={onEdit}
            onResolve={(r, outcome) => actions.resolve.mutate({ replyId: r.id, outcome })}
          />
        ))}
      </ul>
      <FormAlert error={actions.act.error ?? actions.resolve.error} />
    </section>
  );
}
