import type { FastifyInstance } from 'fastify';
import { createPullRegistry } from '@plume/core/llm/ollama-pulls';
import { createOllamaManager } from '@plume/llm/ollama/ollama-manager';
import type { AppContext } from '../../app-context.ts';
import { registerOllamaModelRoutes } from './ollama-models.routes.ts';
import { registerOllamaPullRoutes } from './ollama-pulls.routes.ts';

/**
 * Ollama management, instance-level (`/api/v1/ollama/…`): one Ollama serves every workspace, so any
 * signed-in user reads and only the instance admin installs or deletes. Pulls live in this process.
 */
export async function ollamaRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const manager = createOllamaManager({ baseUrl: context.llm.ollamaUrl, http: context.llm.instanceHttp });
  const registry = createPullRegistry({ manager });
  app.addHook('onClose', async () => registry.stopAll());
  registerOllamaModelRoutes(app, context, manager);
  registerOllamaPullRoutes(app, context, registry);
}
