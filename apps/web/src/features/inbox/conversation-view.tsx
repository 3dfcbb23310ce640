import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { InboxReply } from '@plume/contract/inbox/inbox-schemas';
import type { Member } from '@plume/contract/workspaces/workspace-schemas';
import { Button } from '../../components/button.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { AssigneePicker } from './assignee-picker.tsx';
import { ConversationNotes } from './conversation-notes.tsx';
import { ConversationPost } from './conversation-post.tsx';
import { NetworkMark } from './inbox-chips.tsx';
import { conversationQueryOptions } from './inbox-queries.ts';
import { ItemThread } from './item-thread.tsx';
import { ReplyComposer } from './reply-composer.tsx';
import { ReplyList } from './reply-list.tsx';
import { StatusActions } from './status-actions.tsx';
import { TagsEditor } from './tags-editor.tsx';
import { useConversationActions, type ConversationChange } from './use-conversation-actions.ts';
import { useInboxShortcuts } from './use-inbox-shortcuts.ts';

const isOnItsWay = (reply: InboxReply) => reply.state === 'approved' || reply.state === 'sending';

export interface ViewerContext {
  workspaceId: string;
  timeZone: string;
  meId: string;
  canEdit: boolean;
  isAdmin: boolean;
  members: readonly Member[];
  knownTags: readonly string[];
  networkName: (id: string) => string;
  onManageSaved: () => void;
}

/** The open conversation: post, thread, status, assignee, tags, replies, composer and notes. */
export function ConversationView({
  context,
  conversationId,
  onClose,
}: {
  context: ViewerContext;
  conversationId: string;
  onClose: () => void;
}) {
  const { workspaceId, timeZone, meId, canEdit } = context;
  const detail = useQuery({
    ...conversationQueryOptions(workspaceId, conversationId),
    // A reply on its way is followed until it lands, even if the live stream is down.
    refetchInterval: (query) => (query.state.data?.replies.some(isOnItsWay) ? 2000 : false),
  });
  const actions = useConversationActions(workspaceId, conversationId);
  const [isSnoozeOpen, setIsSnoozeOpen] = useState(false);
  const [replyToId, setReplyToId] = useState<string | undefined>();
  const [editing, setEditing] = useState<InboxReply | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const markedRead = useRef(new Set<string>());
  const unread = detail.data?.unreadCount ?? 0;
  const { mutate: markRead } = actions.markRead;

  useEffect(() => {
    // Marks read once per opening (the page mounts a view per conversation); an item arriving while it stays
    // open is marked on the next opening.
    if (!canEdit || unread === 0 || markedRead.current.has(conversationId)) return;
    markedRead.current.add(conversationId);
    markRead();
  }, [canEdit, unread, conversationId, markRead]);

  const change = (body: ConversationChange, after?: () => void) =>
    actions.update.mutate(body, { onSuccess: () => after?.() });

  useInboxShortcuts(
    canEdit && detail.data
      ? {
          done: () => detail.data.status === 'open' && change({ status: 'done' }),
          reply: () => textareaRef.current?.focus(),
          assignToMe: () => change({ assigneeId: meId }),
          snooze: () => detail.data.status === 'open' && setIsSnoozeOpen(true),
        }
      : {},
  );

  if (detail.isPending) return <LoadingState label="Loading the conversation…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const conversation = detail.data;
  const networkName = context.networkName(conversation.network);
  const contact = conversation.contact.name || conversation.contact.handle;

  return (
    <article aria-labelledby="conversation-title" className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex items-center gap-2">
          <NetworkMark network={conversation.network} name={networkName} />
          <div>
            <h2 id="conversation-title" className="text-lg font-semibold text-ink">
              {contact}
            </h2>
            <p className="text-xs text-muted">
              {conversation.contact.handle} → {conversation.accountHandle} on {networkName}
            </p>
          </div>
        </div>
        <Button variant="ghost" className="lg:hidden" onClick={onClose}>
          Back to the list
        </Button>
      </header>
      {canEdit ? (
        <StatusActions
          conversation={conversation}
          timeZone={timeZone}
          isSnoozeOpen={isSnoozeOpen}
          onSnoozeOpenChange={setIsSnoozeOpen}
          update={{
            mutate: (body) => change(body, () => setIsSnoozeOpen(false)),
            isPending: actions.update.isPending,
            error: actions.update.error,
          }}
        />
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <AssigneePicker
          assigneeId={conversation.assigneeId}
          members={context.members}
          meId={meId}
          disabled={!canEdit || actions.update.isPending}
          error={actions.update.variables && 'assigneeId' in actions.update.variables ? actions.update.error : null}
          onAssign={(assigneeId) => change({ assigneeId })}
        />
        <TagsEditor
          tags={conversation.tags}
          known={context.knownTags}
          disabled={!canEdit || actions.update.isPending}
          error={actions.update.variables && 'tags' in actions.update.variables ? actions.update.error : null}
          onChange={(tags) => change({ tags })}
        />
      </div>
      <ConversationPost post={conversation.post} timeZone={timeZone} />
      <FormAlert error={actions.moderate.error} />
      <ItemThread
        items={conversation.items}
        accountHandle={conversation.accountHandle}
        networkName={networkName}
        timeZone={timeZone}
        canEdit={canEdit}
        replyToId={replyToId}
        moderation={{
          isPending: actions.moderate.isPending,
          error: actions.moderate.error,
          moderate: (itemId, action, done) => actions.moderate.mutate({ itemId, action }, { onSuccess: done }),
        }}
        onReplyTo={(itemId) => {
          setEditing(null);
          setReplyToId(itemId);
          textareaRef.current?.focus();
        }}
      />
      <ReplyList
        workspaceId={workspaceId}
        conversation={conversation}
        networkName={networkName}
        timeZone={timeZone}
        canEdit={canEdit}
        onEdit={(reply) => {
          setEditing(reply);
          textareaRef.current?.focus();
        }}
      />
      {canEdit ? (
        <ReplyComposer
          workspaceId={workspaceId}
          conversation={conversation}
          replyToId={replyToId}
          onReplyToChange={setReplyToId}
          editing={editing}
          onEditingChange={setEditing}
          textareaRef={textareaRef}
          onManageSaved={context.onManageSaved}
        />
      ) : (
        <p className="text-sm text-muted">Viewers read the inbox; editors answer it.</p>
      )}
      <ConversationNotes
        notes={conversation.notes}
        meId={meId}
        isAdmin={context.isAdmin}
        canEdit={canEdit}
        timeZone={timeZone}
        add={{
          mutate: (text, options) => actions.addNote.mutate(text, options),
          isPending: actions.addNote.isPending,
          error: actions.addNote.error,
        }}
        remove={{
          mutate: (id) => actions.deleteNote.mutate(id),
          isPending: actions.deleteNote.isPending,
          error: actions.deleteNote.error,
        }}
      />
    </article>
  );
}
