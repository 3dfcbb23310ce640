import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acceptVariant } from '@plume/core/content/accept-variant';
import { editRevision } from '@plume/core/content/edit-revision';
import { findDraft, listDrafts, listRevisions } from '@plume/core/content/draft-store';
import { generateVariants } from '@plume/core/content/generate-variants';
import { toRevisionView } from '@plume/core/content/revision-view';
import { parseRewriteAction } from '@plume/core/content/rewrite-actions';
import { rewriteRevision } from '@plume/core/content/rewrite-revision';
import { getPost } from '@plume/core/posts/query-posts';
import { AppError } from '@plume/errors/app-error';
import { paginationQuery, workspaceParams } from '@plume/contract/common-schemas';
import { draftParams, generateBody, generateResponse, revisionParams } from '@plume/contract/content/content-schemas';
import {
  acceptBody,
  draftListResponse,
  draftSchema,
  editResponse,
  revisionEditSchema,
  rewriteBody,
  rewriteResponse,
} from '@plume/contract/content/draft-schemas';
import { postDetailSchema } from '@plume/contract/posts/post-schemas';
import { problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withFieldPrefix } from '../../lib/field-paths.ts';
import { withIdempotency } from '../../lib/idempotency.ts';
import { principalKey } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { withLlmErrors } from '../llm/llm-errors.ts';
import { actorFrom, callerOf } from '../posts/post-actor.ts';
import { contentDeps, userIdOf, workspaceOf } from './content-deps.ts';

const tags = ['content'];
const base = '/api/v1/workspaces/:workspaceId/content';
const llmErrors = { 402: problemSchema, 409: problemSchema, 422: problemSchema, 503: problemSchema };

export async function contentDraftRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    `${base}/generate`,
    {
      schema: {
        tags,
        summary:
          "Write 1–5 variants of a post for each target network (editor), in the workspace voice, within each network's limit, scored; stored as a draft",
        description:
          "A model answer that is not the asked JSON is re-asked once, then `422 llm_refused`. `402 llm_budget_exceeded` and `503 llm_unavailable` carry the gateway's message.",
        params: workspaceParams,
        body: generateBody,
        response: { 201: generateResponse, ...protectedErrors, ...llmErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return withIdempotency(context, request, reply, principalKey(access.principal), async () => {
        const { brief, targets, variants, media, language } = request.body;
        const command = {
          workspace: workspaceOf(access),
          userId: userIdOf(access),
          brief,
          targets,
          variants,
          ...(media ? { media } : {}),
          ...(language ? { language } : {}),
        };
        const body = await withLlmErrors(() =>
          withFieldPrefix('body', () => generateVariants(contentDeps(context, access), command)),
        );
        return { status: 201, body };
      });
    },
  );

  typed.get(
    `${base}/drafts`,
    {
      schema: {
        tags,
        summary: 'Content drafts, newest first (viewer)',
        params: workspaceParams,
        querystring: paginationQuery,
        response: { 200: draftListResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return listDrafts(context.db, access.workspace.id, request.query);
    },
  );

  typed.get(
    `${base}/drafts/:draftId`,
    {
      schema: {
        tags,
        summary: 'A draft with every revision in order: its history (viewer)',
        params: draftParams,
        response: { 200: draftSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const draft = await findDraft(context.db, access.workspace.id, request.params.draftId);
      return { ...draft, revisions: (await listRevisions(context.db, draft.id)).map(toRevisionView) };
    },
  );

  typed.post(
    `${base}/drafts/:draftId/revisions/:revisionId/rewrite`,
    {
      schema: {
        tags,
        summary:
          'Rewrite one revision (editor): shorter, longer, more_casual, more_formal, add_emoji, translate (with `language`). The result is repaired to the limit, rescored, and stored as a child revision.',
        params: revisionParams,
        body: rewriteBody,
        response: { 201: rewriteResponse, ...protectedErrors, ...llmErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const parsed = parseRewriteAction(request.body);
      if (!parsed.ok) {
        const errors = parsed.issues.map((issue) => ({
          path: `body/${issue.path.replaceAll('.', '/')}`,
          message: issue.message,
        }));
        throw new AppError('validation_failed', {
          detail: errors.map((error) => `${error.path}: ${error.message}`).join('; '),
          errors,
        });
      }
      const { draftId, revisionId } = request.params;
      const result = await withLlmErrors(() =>
        rewriteRevision(contentDeps(context, access), {
          workspace: workspaceOf(access),
          userId: userIdOf(access),
          draftId,
          revisionId,
          action: parsed.action,
        }),
      );
      return reply.status(201).send(result);
    },
  );

  typed.post(
    `${base}/drafts/:draftId/revisions/:revisionId/edit`,
    {
      schema: {
        tags,
        summary:
          "Save the user's own edit of one revision (editor) as a child revision (`manual`): kept as written, counted the network's way and flagged when over a limit, rescored without a model (voice not scored).",
        params: revisionParams,
        body: revisionEditSchema,
        response: { 201: editResponse, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const { draftId, revisionId } = request.params;
      const command = {
        workspace: workspaceOf(access),
        userId: userIdOf(access),
        draftId,
        revisionId,
        edit: request.body,
      };
      const revision = await withFieldPrefix('body', () => editRevision(contentDeps(context, access), command));
      return reply.status(201).send({ revision });
    },
  );

  typed.post(
    `${base}/drafts/:draftId/accept`,
    {
      schema: {
        tags,
        summary:
          "Accept revisions into a post (editor): one revision per network, each account gets its network's text, hashtags, title and thread parts. Creates a draft post (201), or with `postId` edits that post (200) under the usual approval rules.",
        params: draftParams,
        body: acceptBody,
        response: { 200: postDetailSchema, 201: postDetailSchema, ...protectedErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const deps = { db: context.db, runtime: context.publishing.runtime };
      return withIdempotency(context, request, reply, principalKey(access.principal), async () => {
        const { revisionIds, accountIds, postId } = request.body;
        const command = {
          workspaceId: access.workspace.id,
          actor: actorFrom(access),
          draftId: request.params.draftId,
          revisionIds,
          accountIds,
          postId,
        };
        const accepted = await withFieldPrefix('body', () => acceptVariant(deps, command));
        return {
          status: accepted.created ? 201 : 200,
          body: await getPost(deps, access.workspace.id, accepted.postId, await callerOf(context, access)),
        };
      });
    },
  );
}
