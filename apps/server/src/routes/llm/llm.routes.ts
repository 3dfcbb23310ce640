import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { llmGenerateRoutes } from './llm-generate.routes.ts';
import { llmInsightRoutes } from './llm-insights.routes.ts';
import { llmProviderRoutes } from './llm-providers.routes.ts';
import { llmSettingsRoutes } from './llm-settings.routes.ts';

/** The workspace's model routes (`/api/v1/workspaces/:workspaceId/llm/…`): providers, policies, budget, insights, generate. */
export async function llmRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  await llmProviderRoutes(app, context);
  await llmSettingsRoutes(app, context);
  await llmInsightRoutes(app, context);
  await llmGenerateRoutes(app, context);
}
