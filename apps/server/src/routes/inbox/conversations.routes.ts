import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getConversationDetail, type InboxManifestOf } from '@plume/core/inbox/conversation-detail';
import { addNote, deleteNote } from '@plume/core/inbox/inbox-notes';
import { listConversations } from '@plume/core/inbox/list-conversations';
import { markConversationRead, updateConversation } from '@plume/core/inbox/update-conversation';
import {
  conversationDetailSchema,
  conversationListQuery,
  conversationPageSchema,
  conversationParams,
  conversationSchema,
  createNoteBody,
  inboxNoteSchema,
  inboxParams,
  noteParams,
  updateConversationBody,
} from '@plume/contract/inbox/inbox-schemas';
import { hasRole } from '@plume/contract/workspaces/workspace-enums';
import { NO_INBOX } from '@plume/networks/inbox-contract';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['inbox'];
const base = '/api/v1/workspaces/:workspaceId/inbox/conversations';

/** The inbox manifest of each network this server runs (NO_INBOX for one it does not know). */
export function inboxManifestsOf(context: AppContext): InboxManifestOf {
  const providers = context.publishing.runtime.providers;
  return (network) => providers.find((provider) => provider.manifest.id === network)?.manifest.inbox ?? NO_INBOX;
}

/** The unified inbox's conversations (docs/inbox.md "The inbox API"): viewers read, editors change. */
export async function inboxConversationRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    base,
    {
      schema: {
        tags,
        summary: 'Conversations from every connected account, latest activity first, filtered; keyset pages',
        description:
          'Filters combine (AND). `status=open` includes snoozed conversations whose time has passed. `assignee`: `me`, `none` or a member’s user id. `q` looks in the contact’s handle and name and the latest item. Pass `nextCursor` as `cursor` for the next page.',
        params: inboxParams,
        querystring: conversationListQuery,
        response: { 200: conversationPageSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const userId = access.principal.kind === 'user' ? access.principal.userId : null;
      return listConversations(context.db, { workspaceId: access.workspace.id, userId }, request.query);
    },
  );

  typed.get(
    `${base}/:conversationId`,
    {
      schema: {
        tags,
        summary: 'One conversation: its items oldest first (with what may be done to each), post, notes and replies',
        params: conversationParams,
        response: { 200: conversationDetailSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return getConversationDetail(
        { db: context.db, runtime: context.publishing.runtime },
        access.workspace.id,
        request.params.conversationId,
      );
    },
  );

  typed.patch(
    `${base}/:conversationId`,
    {
      schema: {
        tags,
        summary: 'Change a conversation’s status (snoozed until a future time), assignee or tags (editor)',
        description:
          '`snoozedUntil` is required with `status: snoozed` and must be in the future (400 at `body/snoozedUntil`); `assigneeId` must be a member of the workspace (400 at `body/assigneeId`); `tags` replaces the list. Each change is audited.',
        params: conversationParams,
        body: updateConversationBody,
        response: { 200: conversationSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return updateConversation(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        conversationId: request.params.conversationId,
        changes: request.body,
      });
    },
  );

  typed.post(
    `${base}/:conversationId/read`,
    {
      schema: {
        tags,
        summary: 'Mark every item of the conversation read (editor): its unread count becomes 0',
        params: conversationParams,
        response: { 200: conversationSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return markConversationRead(context.db, {
        workspaceId: access.workspace.id,
        conversationId: request.params.conversationId,
      });
    },
  );

  typed.post(
    `${base}/:conversationId/notes`,
    {
      schema: {
        tags,
        summary: 'Add an internal note to the conversation (editor); never sent to the network',
        params: conversationParams,
        body: createNoteBody,
        response: { 201: inboxNoteSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const note = await addNote(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        conversationId: request.params.conversationId,
        text: request.body.text,
      });
      return reply.status(201).send(note);
    },
  );

  typed.delete(
    `${base}/:conversationId/notes/:noteId`,
    {
      schema: {
        tags,
        summary: 'Delete a note: its author, or an admin',
        params: noteParams,
        response: { 204: z.null(), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      await deleteNote(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        conversationId: request.params.conversationId,
        noteId: request.params.noteId,
        isAdmin: hasRole(access.role, 'admin'),
      });
      return reply.status(204).send(null);
    },
  );
}
