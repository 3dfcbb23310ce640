/**
 * Connects (or reconnects) an OAuth account the way a user does with a real authorization server:
 * start through the API, let the simulated browser sign in and consent at oidc-provider, then open
 * the URL it was sent back to (the callback, with `state`, `code` and `iss`) as that user.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { completeAuthorization, type BrowserOptions } from '@plume/testing/peers/oauth-browser';
import type { TestUser, TestWorkspace } from './factories.ts';

export type SignInInput = {
  owner: TestUser;
  workspace: TestWorkspace;
  network: string;
  reconnectAccountId?: string;
  browser?: BrowserOptions;
};

export type SignInConnect = {
  /** The account ids the callback reports as connected. */
  accountIds: string[];
  /** The authorize URL Plume built (to check its PKCE and scope parameters). */
  authorizeUrl: URL;
  /** The callback URL the browser opened, to replay it. */
  callbackPath: string;
};

/** Runs the flow and returns where Plume's callback sent the browser (the web app's accounts page). */
export async function signInThroughPlume(
  app: FastifyInstance,
  input: SignInInput,
): Promise<{ back: URL; authorizeUrl: URL; callbackPath: string }> {
  const start = await app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${input.workspace.id}/accounts/oauth/start`,
    headers: input.owner.headers,
    payload: {
      network: input.network,
      ...(input.reconnectAccountId === undefined ? {} : { reconnectAccountId: input.reconnectAccountId }),
    },
  });
  expect(start.statusCode, start.body).toBe(200);
  const authorizeUrl = new URL(start.json<{ authorizeUrl: string }>().authorizeUrl);
  const landed = await completeAuthorization(authorizeUrl, input.browser);
  const callbackPath = `${landed.redirectedTo.pathname}${landed.redirectedTo.search}`;
  const callback = await app.inject({ method: 'GET', url: callbackPath, headers: input.owner.headers });
  expect(callback.statusCode, callback.body).toBe(302);
  return { back: new URL(callback.headers.location ?? '', 'https://plume.test'), authorizeUrl, callbackPath };
}

/** Runs the flow and expects the callback to report connected accounts. */
export async function connectThroughSignIn(app: FastifyInstance, input: SignInInput): Promise<SignInConnect> {
  const { back, authorizeUrl, callbackPath } = await signInThroughPlume(app, input);
  const connected = back.searchParams.get('connected');
  expect(connected, back.toString()).toBeTruthy();
  return { accountIds: (connected ?? '').split(','), authorizeUrl, callbackPath };
}
