import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { completeDocument, type OpenApiDocument, type RouteFacts } from './complete-document.ts';

const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/**
 * Options for @fastify/swagger: the zod schemas become JSON Schema route by route (noting what the
 * document cannot see, like a route exempt from the rate limit), then `completeDocument` finishes it.
 */
export function swaggerOptions(serverUrl: string): FastifyDynamicSwaggerOptions {
  const facts = new Map<string, RouteFacts>();
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Plume API',
        version: '1.0.0',
        description:
          'Plume: self-hostable, AI-native social media autopilot. Errors are RFC 9457 problem+json (`application/problem+json`) with stable `code`s; see docs/api.md.',
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'A session token (from sign-in) or a workspace API key (plume_…)',
          },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'better-auth.session_token',
            description: 'The session cookie the sign-in sets',
          },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: (input) => {
      const methods = Array.isArray(input.route.method) ? input.route.method : [input.route.method];
      const rateLimit = (input.route.config as { rateLimit?: unknown } | undefined)?.rateLimit;
      for (const method of methods)
        facts.set(`${method} ${openApiPath(input.url)}`, { rateLimited: rateLimit !== false });
      return jsonSchemaTransform(input);
    },
    transformObject: (documentObject) =>
      'openapiObject' in documentObject
        ? completeDocument(documentObject.openapiObject as OpenApiDocument, { serverUrl, facts })
        : documentObject.swaggerObject,
  };
}
