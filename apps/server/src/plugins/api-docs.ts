import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

// A small page that lists the OpenAPI document's operations (plain HTML; the browser fetches the JSON).
const docsPage = readFileSync(new URL('./api-docs.html', import.meta.url), 'utf8');
// Its script is a separate file so the page works under the default Content-Security-Policy.
const docsScript = readFileSync(new URL('./api-docs.browser.js', import.meta.url), 'utf8');

/** `/api/v1/openapi.json` (generated from the routes' zod schemas) and a small page that lists it. */
export function registerApiDocs(app: FastifyInstance): void {
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/v1/docs', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html').send(docsPage),
  );
  app.get('/api/v1/docs.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript').send(docsScript),
  );
}
