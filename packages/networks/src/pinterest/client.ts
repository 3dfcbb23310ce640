/** Request helpers for Pinterest API v5: base URL, bearer auth, JSON bodies, the shared error mapping. */
import type { z } from 'zod';
import { HttpError } from '@plume/http/errors';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import { isProviderError, Retryable } from '../provider-errors.ts';
import { callJson, MalformedResponse } from '../shared/network-call.ts';
import { pinterestFailureMapping } from './errors.ts';

/** `{api}/v5`, from `ctx.endpoints.api`. */
export function v5(context: NetworkContext): string {
  const base = context.endpoints['api'];
  if (base === undefined) throw new Error('Pinterest endpoints need an `api` base URL.');
  return `${base.replace(/\/+$/, '')}/v5`;
}

/** Authorization header for an account. */
export function authHeader(account: Pick<AccountAuth, 'tokens'>): Record<string, string> {
  return { authorization: `Bearer ${account.tokens.accessToken}`, accept: 'application/json' };
}

/** GET `{api}/v5{path}` and parse the answer. */
export function pinterestGet<S extends z.ZodType>(
  context: NetworkContext,
  account: Pick<AccountAuth, 'tokens'>,
  path: string,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  return callJson(
    context.http,
    `${v5(context)}${path}`,
    { method: 'GET', headers: authHeader(account) },
    { ...pinterestFailureMapping, schema, what },
  );
}

/** POST a JSON body to `{api}/v5{path}` and parse the answer. */
export function pinterestPost<S extends z.ZodType>(
  context: NetworkContext,
  account: Pick<AccountAuth, 'tokens'>,
  path: string,
  body: unknown,
  schema: S,
  what: string,
  describe404?: string,
): Promise<z.output<S>> {
  return callJson(
    context.http,
    `${v5(context)}${path}`,
    {
      method: 'POST',
      headers: { ...authHeader(account), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
    {
      ...pinterestFailureMapping,
      ...(describe404 === undefined
        ? {}
        : {
            describe: (errorBody: unknown, status: number) =>
              status === 404
                ? { message: describe404, code: '404' }
                : pinterestFailureMapping.describe?.(errorBody, status),
          }),
      schema,
      what,
    },
  );
}

/**
 * Runs a step before the Pin is created (video register, upload, processing): nothing is published
 * yet, so a dropped connection or unreadable answer there is Retryable.
 */
export async function beforePinExists<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isProviderError(error)) throw error;
    if (error instanceof HttpError || error instanceof MalformedResponse) {
      throw new Retryable(`The connection to Pinterest failed while trying to ${what}; no Pin was created.`, {
        cause: error,
      });
    }
    throw error;
  }
}
