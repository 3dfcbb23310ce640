import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dryRunRule } from '@plume/core/automation/dry-run';
import {
  createRule,
  deleteRule,
  findRule,
  listRules,
  toRuleView,
  updateRule,
} from '@plume/core/automation/manage-rules';
import { listRuns } from '@plume/core/automation/query-runs';
import { webhookUrlGuard } from '@plume/core/webhooks/check-webhook-url';
import {
  createdRuleSchema,
  dryRunBody,
  dryRunSchema,
  ruleInputSchema,
  ruleParams,
  ruleSchema,
  ruleUpdateSchema,
  runListQuery,
  runPageSchema,
} from '@plume/contract/automation/automation-schemas';
import { workspaceParams } from '@plume/contract/common-schemas';
import { itemsOf } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withIdempotency } from '../../lib/idempotency.ts';
import { actorOf, principalKey } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['automation'];
const path = '/api/v1/workspaces/:workspaceId/automation/rules';

/**
 * Automation rules (docs/automation.md): members read them and their runs; admins and the owner make,
 * change, delete and dry-run them (a rule acts for the whole workspace).
 */
export async function automationRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const deps = {
    db: context.db,
    keyring: context.keyring,
    guard: webhookUrlGuard(context.config.HTTP_ALLOW_PRIVATE_HOSTS),
  };

  typed.get(
    path,
    {
      schema: {
        tags,
        summary: "The workspace's automation rules, newest first",
        params: workspaceParams,
        response: { 200: itemsOf(ruleSchema), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { items: await listRules(context.db, access.workspace.id) };
    },
  );

  typed.post(
    path,
    {
      schema: {
        tags,
        summary: 'Make an automation rule (admin). The answer holds its webhook signing secret, never shown again.',
        description:
          'Conditions are checked against the trigger’s fields, a schedule’s cron expression in the workspace time zone, accounts and members against the workspace, webhook URLs against the SSRF guard: every problem is a 400 at its field.',
        params: workspaceParams,
        body: ruleInputSchema,
        response: { 201: createdRuleSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      void reply.header('cache-control', 'no-store');
      return withIdempotency(
        context,
        request,
        reply,
        principalKey(access.principal),
        async () => ({
          status: 201,
          body: await createRule(deps, {
            workspaceId: access.workspace.id,
            actor: actorOf(access.principal),
            rule: request.body,
          }),
        }),
        { holdsSecret: true },
      );
    },
  );

  typed.post(
    `${path}/dry-run`,
    {
      schema: {
        tags,
        summary: 'What a rule (saved or not) would have done over the last 7 days (admin); changes nothing',
        params: workspaceParams,
        body: dryRunBody,
        response: { 200: dryRunSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return dryRunRule(deps, { workspaceId: access.workspace.id, ...request.body });
    },
  );

  typed.get(
    `${path}/:ruleId`,
    {
      schema: {
        tags,
        summary: 'One automation rule',
        params: ruleParams,
        response: { 200: ruleSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return toRuleView(await findRule(context.db, access.workspace.id, request.params.ruleId));
    },
  );

  typed.patch(
    `${path}/:ruleId`,
    {
      schema: {
        tags,
        summary: 'Change a rule, or turn it on or off (admin). Turning it on clears why Plume had turned it off.',
        params: ruleParams,
        body: ruleUpdateSchema,
        response: { 200: ruleSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      return updateRule(deps, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        ruleId: request.params.ruleId,
        changes: request.body,
      });
    },
  );

  typed.delete(
    `${path}/:ruleId`,
    {
      schema: {
        tags,
        summary: 'Delete a rule and its run history (admin)',
        params: ruleParams,
        response: { 204: z.null(), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      await deleteRule(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        ruleId: request.params.ruleId,
      });
      return reply.status(204).send(null);
    },
  );

  typed.get(
    `${path}/:ruleId/runs`,
    {
      schema: {
        tags,
        summary: "A rule's runs, newest first: input, each action's result or error, duration, or why it was skipped",
        params: ruleParams,
        querystring: runListQuery,
        response: { 200: runPageSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return listRuns(context.db, {
        workspaceId: access.workspace.id,
        ruleId: request.params.ruleId,
        ...request.query,
      });
    },
  );
}
