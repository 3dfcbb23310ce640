/** What a person does to a conversation: status, assignee, tags, read, notes, moderation. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ModerationAction } from '@plume/contract/inbox/inbox-enums';
import {
  conversationSchema,
  inboxItemSchema,
  inboxNoteSchema,
  type updateConversationBody,
} from '@plume/contract/inbox/inbox-schemas';
import type { Wire } from '@plume/contract/wire';
import { api } from '../../lib/api.ts';
import { conversationPath, inboxKey, inboxPath } from './inbox-queries.ts';

export type ConversationChange = Wire<typeof updateConversationBody>;

/**
 * Mutations on one conversation; each reads the inbox again once it lands (list, conversation, figures),
 * so what the page shows is what the server stored.
 */
export function useConversationActions(workspaceId: string, conversationId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: inboxKey(workspaceId) });
  const update = useMutation({
    mutationFn: (change: ConversationChange) =>
      api.patch(conversationPath(workspaceId, conversationId), change, conversationSchema),
    onSuccess: refresh,
  });
  const markRead = useMutation({
    mutationFn: () => api.post(conversationPath(workspaceId, conversationId, '/read'), {}, conversationSchema),
    onSuccess: refresh,
  });
  const addNote = useMutation({
    mutationFn: (text: string) =>
      api.post(conversationPath(workspaceId, conversationId, '/notes'), { text }, inboxNoteSchema),
    onSuccess: refresh,
  });
  const deleteNote = useMutation({
    mutationFn: (noteId: string) =>
      api.delete(conversationPath(workspaceId, conversationId, `/notes/${encodeURIComponent(noteId)}`)),
    onSuccess: refresh,
  });
  const moderate = useMutation({
    mutationFn: (input: { itemId: string; action: ModerationAction }) =>
      api.post(
        inboxPath(workspaceId, `/items/${encodeURIComponent(input.itemId)}/moderate`),
        { action: input.action },
        inboxItemSchema,
      ),
    onSettled: refresh,
  });
  return { update, markRead, addNote, deleteNote, moderate };
}
