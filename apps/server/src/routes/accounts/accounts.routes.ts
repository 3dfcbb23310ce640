import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getAccount, listAccountRows, toAccountView } from '@plume/core/social/account-store';
import { checkAccountHealth, removeAccount } from '@plume/core/social/manage-accounts';
import { countFailedWhileDisconnected, retryFailedWhileDisconnected } from '@plume/core/social/retry-after-reconnect';
import { completeOAuthConnect, connectWithCredentials, startOAuthConnect } from '@plume/core/social/connect-account';
import { listPendingIdentities, pickIdentities } from '@plume/core/social/pending-identities';
import { AppError } from '@plume/errors/app-error';
import {
  accountParams,
  accountSchema,
  callbackQuery,
  credentialsBody,
  identitySchema,
  pendingParams,
  pickBody,
  retryReportSchema,
  startOAuthBody,
} from '@plume/contract/accounts/account-schemas';
import { workspaceParams } from '@plume/contract/common-schemas';
import type { AppContext } from '../../app-context.ts';
import { noContent, protectedErrors } from '../../lib/common-schemas.ts';
import { withFieldPrefix } from '../../lib/field-paths.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { requireUser } from '../../plugins/authenticate.ts';
import { actorFrom } from '../posts/post-actor.ts';

const tags = ['accounts'];

export async function accountRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const deps = () => ({
    db: context.db,
    keyring: context.keyring,
    runtime: context.publishing.runtime,
    appUrl: context.publishing.appUrl,
  });

  typed.get(
    '/api/v1/workspaces/:workspaceId/accounts',
    {
      schema: {
        tags,
        summary: 'Connected accounts with their health and rate-limit state (never tokens)',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(accountSchema) }), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const rows = await listAccountRows(context.db, access.workspace.id);
      const failed = await countFailedWhileDisconnected(context.db, access.workspace.id);
      const now = new Date();
      return {
        items: rows.map((row) => ({
          ...toAccountView(row, now, context.keyring),
          failedWhileDisconnected: failed.get(row.id) ?? 0,
        })),
      };
    },
  );

  typed.post(
    '/api/v1/workspaces/:workspaceId/accounts/oauth/start',
    {
      schema: {
        tags,
        summary:
          "Start connecting (or reconnecting) an account through the network's sign-in page (admin). Open `authorizeUrl` in the browser.",
        params: workspaceParams,
        body: startOAuthBody,
        response: { 200: z.object({ authorizeUrl: z.string() }), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const user = await requireUser(context, request);
      if (request.body.reconnectAccountId !== undefined)
        await getAccount(context.db, access.workspace.id, request.body.reconnectAccountId);
      return withFieldPrefix('body', () =>
        startOAuthConnect(deps(), { workspaceId: access.workspace.id, userId: user.userId, ...request.body }),
      );
    },
  );

  typed.get(
    '/api/v1/accounts/oauth/callback',
    {
      schema: {
        tags,
        summary: 'Where networks send the browser back after sign-in; redirects into the web app',
        querystring: callbackQuery,
        response: { 302: z.null(), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const user = await requireUser(context, request);
      const { state, code, error, error_description: description } = request.query;
      const back = (query: Record<string, string>) =>
        reply.redirect(`/accounts?${new URLSearchParams(query).toString()}`, 302);
      if (error !== undefined)
        return back({ error: description ?? (error === 'access_denied' ? 'You cancelled the sign-in.' : error) });
      if (state === undefined || code === undefined)
        return back({ error: 'The network sent you back without a sign-in code. Try connecting again.' });
      try {
        const outcome = await completeOAuthConnect(deps(), { state, code, userId: user.userId, actor: actorOf(user) });
        if (outcome.kind === 'pick') return back({ workspace: outcome.workspaceId, pick: outcome.pendingId });
        return back({
          workspace: outcome.workspaceId,
          connected: outcome.accounts.map((account) => account.id).join(','),
        });
      } catch (failure) {
        if (failure instanceof AppError && failure.status < 500)
          return back({ error: failure.detail ?? failure.message });
        throw failure;
      }
    },
  );

  typed.post(
    '/api/v1/workspaces/:workspaceId/accounts/credentials',
    {
      schema: {
        tags,
        summary:
          'Connect an account with credentials (Bluesky app password, Telegram bot token, Discord webhook) (admin)',
        params: workspaceParams,
        body: credentialsBody,
        response: { 201: accountSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const account = await withFieldPrefix('body', () =>
        connectWithCredentials(deps(), {
          workspaceId: access.workspace.id,
          userId: access.principal.kind === 'user' ? access.principal.userId : null,
          network: request.body.network,
          credentials: request.body.credentials,
          actor: actorOf(access.principal),
        }),
      );
      return reply.status(201).send(account);
    },
  );

  typed.get(
    '/api/v1/workspaces/:workspaceId/pending-connections/:pendingId',
    {
      schema: {
        tags,
        summary: 'Accounts a sign-in offered, to pick from (pages, organizations, channels)',
        params: pendingParams,
        response: { 200: z.object({ network: z.string(), identities: z.array(identitySchema) }), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const user = await requireUser(context, request);
      return listPendingIdentities(deps(), {
        workspaceId: access.workspace.id,
        userId: user.userId,
        pendingId: request.params.pendingId,
      });
    },
  );

  typed.post(
    '/api/v1/workspaces/:workspaceId/pending-connections/:pendingId',
    {
      schema: {
        tags,
        summary: 'Connect the picked accounts',
        params: pendingParams,
        body: pickBody,
        response: { 201: z.object({ items: z.array(accountSchema) }), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const user = await requireUser(context, request);
      const items = await withFieldPrefix('body', () =>
        pickIdentities(deps(), {
          workspaceId: access.workspace.id,
          userId: user.userId,
          pendingId: request.params.pendingId,
          externalIds: request.body.externalIds,
          actor: actorOf(user),
        }),
      );
      return reply.status(201).send({ items });
    },
  );

  typed.post(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId/health',
    {
      schema: {
        tags,
        summary: "Check now that the account still works; updates its health (the network's answer in plain words)",
        params: accountParams,
        response: { 200: accountSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return checkAccountHealth(deps(), access.workspace.id, request.params.accountId);
    },
  );

  typed.post(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId/retry-failed',
    {
      schema: {
        tags,
        summary:
          'Retry the posts that failed because this account was disconnected (editor; the account must be connected again). Posts that cannot go out as they are come back in `skipped` with the reason.',
        params: accountParams,
        response: { 200: retryReportSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return retryFailedWhileDisconnected(
        { db: context.db, runtime: context.publishing.runtime },
        { workspaceId: access.workspace.id, accountId: request.params.accountId, actor: actorFrom(access) },
      );
    },
  );

  typed.delete(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId',
    {
      schema: {
        tags,
        summary: 'Remove an account (admin). Its unpublished targets are dropped; published posts stay on the network.',
        params: accountParams,
        response: { 204: noContent, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      await removeAccount(context.db, {
        workspaceId: access.workspace.id,
        accountId: request.params.accountId,
        actor: actorOf(access.principal),
      });
      return reply.status(204).send(null);
    },
  );
}
