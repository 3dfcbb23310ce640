import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { inboxConversationRoutes } from './conversations.routes.ts';

/** Every inbox route of the API (docs/inbox.md "The inbox API"): one line in routeModules. */
export async function inboxRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  await inboxConversationRoutes(app, context);
}
