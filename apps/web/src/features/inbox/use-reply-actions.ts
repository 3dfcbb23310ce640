/** Replies: write, ask the AI for a draft, edit, approve and send, discard, settle an unconfirmed one. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inboxReplySchema } from '@plume/contract/inbox/inbox-schemas';
import type { createReplyBody, draftReplyBody, resolveReplyBody } from '@plume/contract/inbox/reply-schemas';
import type { Wire } from '@plume/contract/wire';
import { api } from '../../lib/api.ts';
import { conversationPath, inboxKey, inboxPath } from './inbox-queries.ts';

type ReplyVerb = 'approve' | 'discard';
const replyPath = (workspaceId: string, replyId: string, rest = '') =>
  inboxPath(workspaceId, `/replies/${encodeURIComponent(replyId)}${rest}`);

/** Reply mutations of one conversation; each answers the reply as the server now holds it. */
export function useReplyActions(workspaceId: string, conversationId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: inboxKey(workspaceId) });
  const create = useMutation({
    mutationFn: (body: Wire<typeof createReplyBody>) =>
      api.post(conversationPath(workspaceId, conversationId, '/replies'), body, inboxReplySchema),
    onSuccess: refresh,
  });
  const draft = useMutation({
    mutationFn: (body: Wire<typeof draftReplyBody>) =>
      api.post(conversationPath(workspaceId, conversationId, '/draft-reply'), body, inboxReplySchema),
    onSuccess: refresh,
  });
  const edit = useMutation({
    mutationFn: (input: { replyId: string; text: string }) =>
      api.patch(replyPath(workspaceId, input.replyId), { text: input.text }, inboxReplySchema),
    onSuccess: refresh,
  });
  const act = useMutation({
    mutationFn: (input: { replyId: string; verb: ReplyVerb }) =>
      api.post(replyPath(workspaceId, input.replyId, `/${input.verb}`), {}, inboxReplySchema),
    onSettled: refresh,
  });
  const resolve = useMutation({
    mutationFn: (input: { replyId: string } & Wire<typeof resolveReplyBody>) => {
      const { replyId, ...body } = input;
      return api.post(replyPath(workspaceId, replyId, '/resolve'), body, inboxReplySchema);
    },
    onSettled: refresh,
  });
  return { create, draft, edit, act, resolve };
}
