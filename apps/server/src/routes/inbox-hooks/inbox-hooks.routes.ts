/**
 * The webhook receiver for networks that push inbox events (Meta: Facebook Pages, Instagram). Public
 * (the network calls it, no Plume credentials): the handshake checks the configured verify token, each
 * call is checked against the network's app secret over the raw body, which is why this route has its own
 * content-type parser that keeps the bytes. See docs/inbox.md, "Reading inboxes".
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerHandshake, receiveInboxWebhook } from '@plume/core/inbox/ingest/receive-inbox-webhook';
import { inboxHookHandshakeQuery, inboxHookParams, inboxHookReceived } from '@plume/contract/inbox/inbox-hook-schemas';
import { problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';

const tags = ['inbox'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
/** Meta batches a few events a call; a body this large is not one of theirs. */
const MAX_BODY_BYTES = 1024 * 1024;

export async function inboxHookRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps = {
    db: context.db,
    runtime: context.publishing.runtime,
    verifyToken: context.config.INBOX_WEBHOOK_VERIFY_TOKEN,
  };

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/hooks/inbox/:network',
    {
      schema: {
        tags,
        security: [],
        summary: "A network's webhook subscription handshake: echoes hub.challenge when hub.verify_token matches",
        params: inboxHookParams,
        querystring: inboxHookHandshakeQuery,
        response: { 200: z.string().describe('hub.challenge, as text/plain'), ...errors },
      },
    },
    async (request, reply) => {
      const challenge = answerHandshake(deps, request.params.network, {
        mode: request.query['hub.mode'],
        verifyToken: request.query['hub.verify_token'],
        challenge: request.query['hub.challenge'],
      });
      return reply.type('text/plain; charset=utf-8').send(challenge);
    },
  );

  // Scoped: only this route reads JSON as raw bytes (the signature is over the bytes as sent).
  await app.register(async (scoped) => {
    scoped.removeContentTypeParser('application/json');
    scoped.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES },
      (_request, body, done) => done(null, body),
    );
    scoped.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/hooks/inbox/:network',
      {
        schema: {
          tags,
          security: [],
          summary: "A network's inbox event (signed with the app secret); stores its items for the connected accounts",
          params: inboxHookParams,
          response: { 200: inboxHookReceived, ...errors },
        },
      },
      async (request) => {
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const headers = Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]),
        );
        const received = await receiveInboxWebhook(deps, request.params.network, { headers, rawBody });
        return { received: true as const, accounts: received.accounts, created: received.created };
      },
    );
  });
}
