/**
 * Creates a local post on the connected location (`POST v4/{account}/{location}/localPosts`). One
 * request, no idempotency key: a lost answer is an unknown outcome and propagates untyped.
 *
 * Docs: https://developers.google.com/my-business/reference/rest/v4/accounts.locations.localPosts/create
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishRequest, PublishResult } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { bearer } from '../../shared/oauth2.ts';
import { googleJson } from '../../youtube/google-call.ts';
import { requireEndpoint } from '../../youtube/google-oauth.ts';
import { googleBusinessVocabulary } from '../errors.ts';
import { googleBusinessSettings } from '../manifest.ts';
import { buildLocalPost } from './local-post.ts';
import { validateGoogleBusiness } from './validate.ts';

const createdPostSchema = z.looseObject({
  name: z.string().regex(/^accounts\/[^/]+\/locations\/[^/]+\/localPosts\/[^/]+$/),
  searchUrl: z.string().optional(),
  state: z.string().optional(),
});

/** The `accounts/…/locations/…` parent saved at connect time. */
export function locationParent(account: AccountAuth): string {
  const accountName = account.metadata['account'];
  const location = account.metadata['location'] ?? account.externalId;
  if (accountName === undefined || !/^accounts\/[^/]+$/.test(accountName) || !/^locations\/[^/]+$/.test(location)) {
    throw new Permanent('This Business Profile connection is missing its account; connect the location again.', {
      vendorCode: 'missing_metadata',
    });
  }
  return `${accountName}/${location}`;
}

export async function publishGoogleBusiness(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
): Promise<PublishResult> {
  const issues = validateGoogleBusiness(request);
  if (issues.length > 0)
    throw new Permanent(issues.map((issue) => issue.message).join(' '), { vendorCode: 'invalid_post' });
  const body = buildLocalPost(request, googleBusinessSettings.parse(request.settings));
  const url = `${requireEndpoint(context, 'posts')}/${locationParent(account)}/localPosts`;
  const created = await googleJson(
    context.http,
    url,
    {
      method: 'POST',
      headers: { ...bearer(account.tokens), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
    {
      schema: createdPostSchema,
      what: 'create the Business Profile post',
      now: context.now(),
      vocabulary: googleBusinessVocabulary,
    },
  );
  return { remoteId: created.name, url: created.searchUrl ?? null, extra: [] };
}
