import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's security headers on every answer. Its middleware is built once, here: @fastify/helmet built
 * it again for every request (parsing the Content-Security-Policy each time), about 4 % of an
 * authenticated list's CPU and more of a small answer's (bench:api; see docs/decisions.md).
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  // Default CSP, minus upgrade-insecure-requests: self-hosters often reach Plume over plain HTTP on a LAN.
  // `blob:` images and media: the composer shows a file the person picked before it is uploaded.
  const setHeaders = helmet({
    crossOriginEmbedderPolicy: false,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: null,
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, () => done());
  });
}
