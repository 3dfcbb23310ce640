import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readInboxSettings, updateInboxSettings } from '@plume/core/inbox/replies/inbox-settings';
import { loadItem } from '@plume/core/inbox/replies/item-access';
import { moderateItem } from '@plume/core/inbox/replies/moderate-item';
import { toItemView } from '@plume/core/inbox/replies/reply-views';
import { inboxItemSchema, inboxParams } from '@plume/contract/inbox/inbox-schemas';
import {
  inboxSettingsBody,
  inboxSettingsSchema,
  itemParams,
  moderateItemBody,
} from '@plume/contract/inbox/reply-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['inbox'];
const base = '/api/v1/workspaces/:workspaceId/inbox';

/** Hiding and deleting comments, and the inbox's settings (docs/inbox.md). */
export async function inboxModerationRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { publishing } = context;
  const tokenDeps = {
    db: context.db,
    keyring: context.keyring,
    runtime: publishing.runtime,
    appUrl: publishing.appUrl,
  };

  typed.post(
    `${base}/items/:itemId/moderate`,
    {
      schema: {
        tags,
        summary: 'Hide or delete a comment on the account’s own post, on its network (editor)',
        description:
          "Only where the network allows it (the item's `actions` say which). 409 when it does not, or the comment is hidden or deleted already; the network's refusal answers 422 or 502 with its reason. Doing it again after an unknown outcome is safe.",
        params: itemParams,
        body: moderateItemBody,
        response: { 200: inboxItemSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const item = await moderateItem(tokenDeps, {
        workspaceId: access.workspace.id,
        itemId: request.params.itemId,
        action: request.body.action,
        actor: actorOf(access.principal),
      });
      const loaded = await loadItem(context.db, access.workspace.id, item.id);
      return toItemView(item, publishing.runtime.provider(loaded.account.network));
    },
  );

  typed.get(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: 'The inbox’s AI and automation settings',
        params: inboxParams,
        response: { 200: inboxSettingsSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return readInboxSettings(context.db, access.workspace.id);
    },
  );

  typed.patch(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: 'Change the inbox’s settings (admin; letting automation send replies is the owner’s alone)',
        description:
          'Classification and reply drafts are on by default; hiding spam automatically and sending replies by automation rules are off until turned on. 403 when someone other than the owner changes `disclosedAutomation`.',
        params: inboxParams,
        body: inboxSettingsBody,
        response: { 200: inboxSettingsSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return updateInboxSettings(context.db, {
        workspaceId: access.workspace.id,
        role: access.role,
        actor: actorOf(access.principal),
        patch: request.body,
      });
    },
  );
}
