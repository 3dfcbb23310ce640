import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getApprovalSettings, saveApprovalSettings } from '@plume/core/posts/approval-settings';
import { actOnPost, createPost, updatePost } from '@plume/core/posts/manage-posts';
import { getPost, listPosts } from '@plume/core/posts/query-posts';
import { scheduleAtNextSlot } from '@plume/core/scheduling/schedule-next-slot';
import { workspaceParams } from '@plume/contract/common-schemas';
import { createPostSchema, updatePostSchema } from '@plume/contract/posts/post-input';
import {
  actionBody,
  approvalSettingsBody,
  approvalSettingsSchema,
  listQuery,
  postDetailSchema,
  postParams,
  postSchema,
} from '@plume/contract/posts/post-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withFieldPrefix } from '../../lib/field-paths.ts';
import { withIdempotency } from '../../lib/idempotency.ts';
import { principalKey } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { actorFrom, callerOf } from './post-actor.ts';

const tags = ['posts'];

export async function postRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const deps = () => ({ db: context.db, runtime: context.publishing.runtime });

  typed.get(
    '/api/v1/workspaces/:workspaceId/posts',
    {
      schema: {
        tags,
        summary:
          'Posts, newest first; with from/to, the posts scheduled in that range (a calendar view). Filter by state and account.',
        params: workspaceParams,
        querystring: listQuery,
        response: {
          200: z.object({ items: z.array(postSchema), nextCursor: z.string().nullable() }),
          ...protectedErrors,
        },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const { from, to, state, accountId, limit, cursor } = request.query;
      return listPosts(
        context.db,
        access.workspace.id,
        {
          limit,
          ...(from === undefined ? {} : { from: new Date(from) }),
          ...(to === undefined ? {} : { to: new Date(to) }),
          ...(state === undefined ? {} : { states: state }),
          ...(accountId === undefined ? {} : { accountIds: accountId }),
          ...(cursor === undefined ? {} : { cursor }),
        },
        await callerOf(context, access),
      );
    },
  );

  typed.post(
    '/api/v1/workspaces/:workspaceId/posts',
    {
      schema: {
        tags,
        summary:
          'Create a post with its targets (editor). `submit: true` sends it for review (or approves it when the workspace needs no approval).',
        params: workspaceParams,
        body: createPostSchema,
        response: { 201: postDetailSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return withIdempotency(context, request, reply, principalKey(access.principal), async () => {
        const postId = await withFieldPrefix('body', () =>
          createPost(deps(), { workspaceId: access.workspace.id, actor: actorFrom(access), post: request.body }),
        );
        return {
          status: 201,
          body: await getPost(deps(), access.workspace.id, postId, await callerOf(context, access)),
        };
      });
    },
  );

  typed.get(
    '/api/v1/workspaces/:workspaceId/posts/:postId',
    {
      schema: {
        tags,
        summary: 'One post with its targets, history, and what still blocks publishing',
        params: postParams,
        response: { 200: postDetailSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return getPost(deps(), access.workspace.id, request.params.postId, await callerOf(context, access));
    },
  );

  typed.patch(
    '/api/v1/workspaces/:workspaceId/posts/:postId',
    {
      schema: {
        tags,
        summary:
          'Edit a post (editor). Send the `version` you edited. Approved content that changes goes back to review; time moves within 30 minutes and hashtag changes do not.',
        params: postParams,
        body: updatePostSchema,
        response: { 200: postDetailSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      await withFieldPrefix('body', () =>
        updatePost(deps(), {
          workspaceId: access.workspace.id,
          postId: request.params.postId,
          actor: actorFrom(access),
          changes: request.body,
        }),
      );
      return getPost(deps(), access.workspace.id, request.params.postId, await callerOf(context, access));
    },
  );

  typed.post(
    '/api/v1/workspaces/:workspaceId/posts/:postId/actions',
    {
      schema: {
        tags,
        summary:
          "Move a post: submit, approve, reject, request_changes, schedule, schedule_next_slot (the next free posting slot of the post's accounts), unschedule, cancel, reopen, retry (failed targets), confirm (unconfirmed targets: `published: true` = it is on the network), republish (unconfirmed targets that are not on the network: publish them now)",
        description:
          "schedule_next_slot answers 409 `no_free_slot` when the post's accounts have no posting slots, or none is free in the next 8 weeks.",
        params: postParams,
        body: actionBody,
        response: { 200: postDetailSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const action = request.body;
      const command = { workspaceId: access.workspace.id, postId: request.params.postId, actor: actorFrom(access) };
      await withFieldPrefix('body', () =>
        action.type === 'schedule_next_slot'
          ? scheduleAtNextSlot(deps(), { ...command, zone: access.workspace.timezone, now: new Date() })
          : actOnPost(deps(), { ...command, action }),
      );
      return getPost(deps(), access.workspace.id, request.params.postId, await callerOf(context, access));
    },
  );

  typed.get(
    '/api/v1/workspaces/:workspaceId/publishing-settings',
    {
      schema: {
        tags,
        summary: 'Who must approve posts in this workspace',
        params: workspaceParams,
        response: { 200: approvalSettingsSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return getApprovalSettings(context.db, access.workspace.id);
    },
  );

  typed.put(
    '/api/v1/workspaces/:workspaceId/publishing-settings',
    {
      schema: {
        tags,
        summary: 'Set who must approve posts: nobody, any admin, or named members (admin)',
        params: workspaceParams,
        body: approvalSettingsBody,
        response: { 200: approvalSettingsSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return saveApprovalSettings(context.db, access.workspace.id, request.body);
    },
  );
}
