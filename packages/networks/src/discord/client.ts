/**
 * Webhook requests. The pasted URL (`https://discord.com/api/webhooks/<id>/<token>`) only gives the
 * webhook id and token; calls go to the configured API base, so tests and proxies can redirect them.
 * Webhook routes need no Authorization header: the token in the path is the credential.
 */
import type { z } from 'zod';
import type { HttpRequestInit } from '@plume/http/types';
import type { NetworkContext } from '../contract.ts';
import { MalformedResponse, send } from '../shared/network-call.ts';
import { Permanent, Retryable } from '../provider-errors.ts';
import { discordFailure } from './errors.ts';

const WEBHOOK_HOSTS = new Set([
  'discord.com',
  'discordapp.com',
  'ptb.discord.com',
  'canary.discord.com',
  'ptb.discordapp.com',
  'canary.discordapp.com',
]);

/** A webhook's id and token. */
export interface DiscordWebhook {
  id: string;
  token: string;
}

/** Reads id and token from a webhook URL; throws Permanent (plain words) for anything else. */
export function parseWebhookUrl(input: string): DiscordWebhook {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new Permanent(
      'That is not a Discord webhook URL. Copy it from the channel settings (Integrations → Webhooks → Copy Webhook URL).',
    );
  }
  const match = /^\/api(?:\/v\d+)?\/webhooks\/(\d+)\/([\w-]+)\/?$/.exec(url.pathname);
  if (url.protocol !== 'https:' || !WEBHOOK_HOSTS.has(url.hostname) || match === null) {
    throw new Permanent('That is not a Discord webhook URL. It looks like https://discord.com/api/webhooks/123…/abc…');
  }
  return { id: match[1] ?? '', token: match[2] ?? '' };
}

/** `<api>/webhooks/<id>/<token><suffix>` on the configured API base. */
export function webhookUrl(context: NetworkContext, webhook: DiscordWebhook, suffix = ''): URL {
  const base = context.endpoints['api'];
  if (base === undefined) throw new Error('Discord endpoint "api" is not configured');
  return new URL(`${base.replace(/\/+$/, '')}/webhooks/${webhook.id}/${webhook.token}${suffix}`);
}

/** Sends a webhook request and returns the validated JSON answer, or throws a typed error. */
export async function discordJson<S extends z.ZodType>(
  context: NetworkContext,
  url: URL,
  init: HttpRequestInit,
  options: { schema: S; what: string },
): Promise<z.output<S>> {
  const response = await send(context.http, url, {
    ...init,
    headers: { accept: 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
  if (!response.ok) throw await discordFailure(response, options.what);
  const isRead = (init.method ?? 'GET').toUpperCase() === 'GET';
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch (error) {
    throw isRead
      ? new Retryable(`Discord sent an unreadable answer to "${options.what}".`, { cause: error })
      : new MalformedResponse(options.what, response.status, error);
  }
  const parsed = options.schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw isRead
    ? new Retryable(`Discord sent an unexpected answer to "${options.what}".`)
    : new MalformedResponse(options.what, response.status, parsed.error);
}
