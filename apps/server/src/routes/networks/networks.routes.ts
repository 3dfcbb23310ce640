import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { NetworkProvider } from '@plume/networks/contract';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requirePrincipal } from '../../plugins/authenticate.ts';

const tags = ['networks'];

const networkSchema = z.object({
  id: z.string(),
  name: z.string(),
  ready: z.boolean(),
  /** Configuration keys to set before the network can be used. */
  missing: z.array(z.string()),
  setupGuide: z.string(),
  docsUrl: z.string(),
  connect: z.enum(['oauth', 'oauth_per_server', 'credentials']),
  credentialFields: z.unknown().nullable(),
  accountKinds: z.array(z.string()),
  text: z.object({
    limit: z.number(),
    count: z.unknown(),
    required: z.boolean(),
    titleLimit: z.number().nullable(),
    titleRequired: z.boolean(),
  }),
  media: z.unknown(),
  thread: z.object({ supported: z.boolean(), maxParts: z.number() }),
  firstComment: z.boolean(),
  link: z.boolean(),
  hashtags: z.object({ recommendedMax: z.number() }),
  settings: z.unknown(),
  rateLimits: z.unknown(),
});

export type NetworkSummary = z.infer<typeof networkSchema>;

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
    credentialFields: auth.kind === 'credentials' ? z.toJSONSchema(auth.fields, { io: 'input', unrepresentable: 'any' }) : null,
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
    settings: z.toJSONSchema(manifest.settings, { io: 'input', unrepresentable: 'any' }),
    rateLimits: manifest.rateLimits,
  };
}

export async function networkRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/v1/networks', {
    schema: {
      tags,
      summary: 'Networks Plume can publish to: capabilities, limits, settings, and whether this server is set up for each',
      response: { 200: z.object({ items: z.array(networkSchema) }), ...protectedErrors },
    },
  }, async (request) => {
    await requirePrincipal(context, request);
    return { items: context.publishing.runtime.providers.map((provider) => summarize(context, provider)) };
  });
}
