import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { draftAiReply } from '@plume/core/inbox/ai/draft-reply';
import {
  approveReply,
  createReply,
  discardReply,
  resolveReply,
  updateReply,
  type ReplyDeps,
} from '@plume/core/inbox/replies/manage-replies';
import { toReplyView } from '@plume/core/inbox/replies/reply-views';
import { conversationParams, inboxReplySchema } from '@plume/contract/inbox/inbox-schemas';
import {
  createReplyBody,
  draftReplyBody,
  replyParams,
  resolveReplyBody,
  updateReplyBody,
} from '@plume/contract/inbox/reply-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { actorOf } from '../../lib/principal.ts';
import { withFieldPrefix } from '../../lib/field-paths.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { toLlmAppError } from '../llm/llm-errors.ts';

const tags = ['inbox'];
const base = '/api/v1/workspaces/:workspaceId/inbox';

/** Replies to inbox items (docs/inbox.md, "Replies and moderation"): drafts, approval, the exactly-once send. */
export async function inboxReplyRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const deps: ReplyDeps = { db: context.db, runtime: context.publishing.runtime };

  typed.post(
    `${base}/conversations/:conversationId/replies`,
    {
      schema: {
        tags,
        summary: 'Write a reply to an item of the conversation (editor); `send: true` approves it at once',
        description:
          "A draft until approved; approving queues the send, which happens once (`sending` → `sent`, `failed` with the network's reason, or `unconfirmed` when no answer came). 409 when the network cannot answer this item; 400 at `body/text` when it is over the network's limit.",
        params: conversationParams,
        body: createReplyBody,
        response: { 201: inboxReplySchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const created = await withFieldPrefix('body', () =>
        createReply(deps, {
          workspaceId: access.workspace.id,
          conversationId: request.params.conversationId,
          ...request.body,
          actor: actorOf(access.principal),
        }),
      );
      return reply.status(201).send(toReplyView(created));
    },
  );

  typed.post(
    `${base}/conversations/:conversationId/draft-reply`,
    {
      schema: {
        tags,
        summary: 'Ask the AI for a reply draft (editor), in the workspace’s voice or persona',
        description:
          'One model call (task `reply`) answering the item (the latest incoming one by default) with the post and the thread as context, within the network’s limit, with the persona’s disclosure where the workspace speaks as one. Stored as a draft: nothing is sent until a person approves it.',
        params: conversationParams,
        body: draftReplyBody,
        response: { 201: inboxReplySchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const drafted = await withFieldPrefix('body', () =>
        draftAiReply(
          { ...deps, gateway: context.llm.gateway },
          {
            workspaceId: access.workspace.id,
            conversationId: request.params.conversationId,
            itemId: request.body.itemId,
            instructions: request.body.instructions,
            actor: actorOf(access.principal),
          },
        ).catch((error: unknown) => {
          throw toLlmAppError(error);
        }),
      );
      return reply.status(201).send(toReplyView(drafted));
    },
  );

  typed.patch(
    `${base}/replies/:replyId`,
    {
      schema: {
        tags,
        summary: 'Edit a draft, or a reply the network refused (editor); it becomes a draft again',
        params: replyParams,
        body: updateReplyBody,
        response: { 200: inboxReplySchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const updated = await withFieldPrefix('body', () =>
        updateReply(deps, {
          workspaceId: access.workspace.id,
          replyId: request.params.replyId,
          text: request.body.text,
          actor: actorOf(access.principal),
        }),
      );
      return toReplyView(updated);
    },
  );

  for (const action of ['approve', 'discard'] as const)
    typed.post(
      `${base}/replies/:replyId/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'approve'
              ? 'Approve a draft or a refused reply (editor): it is sent once, in the background'
              : 'Discard a draft, a refused reply or an approved one not yet being sent (editor)',
          params: replyParams,
          response: { 200: inboxReplySchema, ...protectedErrors },
        },
      },
      async (request) => {
        const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
        const command = {
          workspaceId: access.workspace.id,
          replyId: request.params.replyId,
          actor: actorOf(access.principal),
        };
        return toReplyView(
          action === 'approve' ? await approveReply(deps, command) : await discardReply(deps, command),
        );
      },
    );

  typed.post(
    `${base}/replies/:replyId/resolve`,
    {
      schema: {
        tags,
        summary: 'Settle an unconfirmed reply after checking the network (editor)',
        description:
          '`sent`: it is on the network (the conversation counts as answered); `not_sent`: it becomes `failed`, to edit or approve again. Plume never re-sends an unconfirmed reply by itself.',
        params: replyParams,
        body: resolveReplyBody,
        response: { 200: inboxReplySchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const resolved = await resolveReply(deps, {
        workspaceId: access.workspace.id,
        replyId: request.params.replyId,
        outcome: request.body.outcome,
        url: request.body.url,
        actor: actorOf(access.principal),
      });
      return toReplyView(resolved);
    },
  );
}
