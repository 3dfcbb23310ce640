import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { brandProfileRoutes } from './brand-profile.routes.ts';
import { contentDraftRoutes } from './content-drafts.routes.ts';
import { contentTemplateRoutes } from './content-templates.routes.ts';

/** The AI content studio: brand profile, templates, generation, rewrites and drafts (docs/content-studio.md). */
export async function contentRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  await brandProfileRoutes(app, context);
  await contentTemplateRoutes(app, context);
  await contentDraftRoutes(app, context);
}
