import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findIndustryTemplate, listIndustryTemplates } from '@plume/core/planning/templates/industry-templates';
import {
  industryTemplateSchema,
  templateIdSchema,
  templateSummarySchema,
  type IndustryTemplate,
  type TemplateSummary,
} from '@plume/contract/planning/template-schemas';
import { itemsOf } from '@plume/contract/wire';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import { AppError } from '@plume/errors/app-error';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requirePrincipal } from '../../plugins/authenticate.ts';

const tags = ['strategy'];

function summarize(template: IndustryTemplate): TemplateSummary {
  const { id, version, name, description, goals } = template;
  return { id, version, name, description, goals, networks: Object.keys(template.networks) as NetworkId[] };
}

/** The industry templates shipped with Plume (any signed-in user): the list and one in full. */
export async function industryTemplateRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/industry-templates',
    {
      schema: {
        tags,
        summary: 'Industry templates to start a strategy from: id, version, name, goals and networks of each',
        response: { 200: itemsOf(templateSummarySchema), ...protectedErrors },
      },
    },
    async (request) => {
      await requirePrincipal(context, request);
      return { items: listIndustryTemplates().map(summarize) };
    },
  );

  typed.get(
    '/api/v1/industry-templates/:templateId',
    {
      schema: {
        tags,
        summary:
          'One industry template in full: pillars and shares, formats and cadence per network, hashtag seeds, calls to action, example briefs, KPIs, seasonal calendar by locale, and its sources',
        params: z.object({ templateId: templateIdSchema }),
        response: { 200: industryTemplateSchema, ...protectedErrors },
      },
    },
    async (request) => {
      await requirePrincipal(context, request);
      const template = findIndustryTemplate(request.params.templateId);
      if (!template) throw AppError.notFound('industry template');
      return template;
    },
  );
}
