import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Slot } from '@plume/core/scheduling/next-slot';
import { findNextFreeSlot, listSlots, replaceSlots } from '@plume/core/scheduling/posting-slots';
import { formatMinuteOfDay, formatWall, parseMinuteOfDay, utcToWall } from '@plume/core/scheduling/zoned-time';
import {
  nextSlotQuery,
  nextSlotResponse,
  putSlotsBody,
  slotParams,
  slotsResponse,
} from '@plume/contract/posting-slots/slot-schemas';
import { problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['accounts'];

const toView = (slots: readonly Slot[]) =>
  slots.map((slot) => ({ weekday: slot.weekday, time: formatMinuteOfDay(slot.minuteOfDay) }));

export async function postingSlotRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId/slots',
    {
      schema: {
        tags,
        summary: "The account's posting slots: weekday (0 = Sunday) and HH:mm on the workspace's clock",
        params: slotParams,
        response: { 200: slotsResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const slots = await listSlots(context.db, access.workspace.id, request.params.accountId);
      return { timezone: access.workspace.timezone, slots: toView(slots) };
    },
  );

  typed.put(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId/slots',
    {
      schema: {
        tags,
        summary:
          "Replace the account's posting slots (editor). Times are wall-clock times in the workspace time zone; an empty list removes them all.",
        params: slotParams,
        body: putSlotsBody,
        response: { 200: slotsResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const slots = request.body.slots.map((slot) => ({
        weekday: slot.weekday,
        minuteOfDay: parseMinuteOfDay(slot.time) ?? 0,
      }));
      const saved = await replaceSlots(context.db, {
        workspaceId: access.workspace.id,
        accountId: request.params.accountId,
        slots,
        actor: actorOf(access.principal),
      });
      return { timezone: access.workspace.timezone, slots: toView(saved) };
    },
  );

  typed.get(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId/slots/next',
    {
      schema: {
        tags,
        summary:
          'The next free posting slot after `after` (default now), in UTC: the earliest slot within 8 weeks that no approved, scheduled or publishing post of this account takes, or, once the account has 50 measured posts, the best-rated free slot within a week of it (`reason`). 409 `no_free_slot` when the account has no slots or all are taken. Schedule a post there with PATCH or the `schedule` action.',
        params: slotParams,
        querystring: nextSlotQuery,
        response: { 200: nextSlotResponse, ...protectedErrors, 409: problemSchema },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const zone = access.workspace.timezone;
      const now = new Date();
      const after = request.query.after === undefined ? now : new Date(request.query.after);
      const { at, reason } = await findNextFreeSlot(context.db, {
        workspaceId: access.workspace.id,
        accountIds: [request.params.accountId],
        zone,
        after,
        now,
      });
      const wall = utcToWall(zone, at);
      return { at: at.toISOString(), timezone: zone, local: formatWall(wall), weekday: wall.weekday, reason };
    },
  );
}
