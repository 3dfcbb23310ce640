import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jsonSchemaSchema, networkSchema } from '@plume/contract/networks/network-schemas';
import { itemsOf } from '@plume/contract/wire';
import type { NetworkProvider } from '@plume/networks/contract';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requirePrincipal } from '../../plugins/authenticate.ts';

const tags = ['networks'];

export type NetworkSummary = z.output<typeof networkSchema>;

/** A zod schema as the JSON Schema a form is built from. */
const formSchemaOf = (schema: z.ZodType) =>
  jsonSchemaSchema.parse(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));

function summarize(context: AppContext, provider: NetworkProvider): NetworkSummary {
  const { manifest } = provider;
  const status = context.publishing.runtime.status(manifest.id);
  const auth = manifest.auth;
  return {
    id: manifest.id,
    name: manifest.name,
    ready: status.ready,
    missing: status.ready ? [] : status.missing,
    setupGuide: `docs/networks/${manifest.id}.md`,
    docsUrl: manifest.docsUrl,
    connect: auth.kind === 'credentials' ? 'credentials' : auth.perInstance ? 'oauth_per_server' : 'oauth',
    credentialFields: auth.kind === 'credentials' ? formSchemaOf(auth.fields) : null,
    accountKinds: [...manifest.accountKinds],
    text: {
      limit: manifest.text.limit,
      count: manifest.text.count,
      required: manifest.text.required,
      titleLimit: manifest.text.titleLimit ?? null,
      titleRequired: manifest.text.titleRequired ?? false,
    },
    media: manifest.media,
    thread: manifest.thread,
    firstComment: manifest.firstComment,
    link: manifest.link.supported,
    hashtags: manifest.hashtags,
    settings: formSchemaOf(manifest.settings),
    rateLimits: manifest.rateLimits,
    analytics: manifest.analytics,
    inbox: manifest.inbox,
  };
}

export async function networkRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/networks',
    {
      schema: {
        tags,
        summary:
          'Networks Plume can publish to: capabilities, limits, settings, and whether this server is set up for each',
        response: { 200: itemsOf(networkSchema), ...protectedErrors },
      },
    },
    async (request) => {
      await requirePrincipal(context, request);
      return { items: context.publishing.runtime.providers.map((provider) => summarize(context, provider)) };
    },
  );
}
