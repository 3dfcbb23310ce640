/**
 * Request helpers for graph.instagram.com: versioned base URLs, bearer auth, JSON calls mapped
 * through the Instagram error table, and the rule that steps before the post exists may be retried.
 */
import type { z } from 'zod';
import type { HttpRequestInit } from '@plume/http/types';
import type { NetworkContext, TokenSet } from '../contract.ts';
import { Permanent } from '../provider-errors.ts';
import { beforeCreate as runBeforeCreate } from '../shared/before-create.ts';
import { callJson } from '../shared/network-call.ts';
import { instagramFailure } from './errors.ts';

/** A configured base URL without a trailing slash. */
export function endpoint(context: NetworkContext, name: 'graph' | 'graphRoot' | 'authorize' | 'token'): string {
  const value = context.endpoints[name];
  if (value === undefined) throw new Permanent(`Instagram's "${name}" address is not configured on this server.`);
  return value.replace(/\/+$/, '');
}

/** The app id and secret, or a plain error when the admin has not set them. */
export function requireApp(context: NetworkContext): { clientId: string; clientSecret: string } {
  if (context.app === undefined) {
    throw new Permanent('Instagram is not set up on this server: set INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET.');
  }
  return context.app;
}

/** A graph.instagram.com call returning JSON; `body` is sent as JSON. */
export async function instagramCall<S extends z.ZodType>(
  context: NetworkContext,
  tokens: TokenSet,
  path: string,
  options: { method?: string; body?: Record<string, unknown>; schema: S; what: string },
): Promise<z.output<S>> {
  const init: HttpRequestInit = {
    method: options.method ?? 'GET',
    headers: {
      authorization: `Bearer ${tokens.accessToken}`,
      accept: 'application/json',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  };
  return callJson(context.http, `${endpoint(context, 'graph')}${path}`, init, {
    ...instagramFailure,
    schema: options.schema,
    what: options.what,
  });
}

/** Runs a step before the post exists: transport failures and unreadable answers become Retryable. */
export function beforeCreate<T>(what: string, step: () => Promise<T>): Promise<T> {
  return runBeforeCreate(`Instagram did not answer while trying to ${what}`, step);
}
