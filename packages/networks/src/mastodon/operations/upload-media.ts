/**
 * Uploads media to the account's server before the status is created: POST /api/v2/media
 * (multipart `file` + `description` for alt text) answers 200 when processed, or 202 with
 * `url: null` while a video is processed in the background; GET /api/v1/media/:id then answers
 * 206 until it is ready. Docs: docs.joinmastodon.org/methods/media
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishMedia } from '../../contract.ts';
import { Retryable } from '../../provider-errors.ts';
import { failureFromResponse, send } from '../../shared/network-call.ts';
import { mastodonJson, mastodonRequest } from '../client.ts';
import { mastodonFailureMapping } from '../errors.ts';

const attachmentSchema = z.looseObject({ id: z.string().min(1), url: z.string().nullable().optional() });

/** Waits between status checks: quick at first, then every 5 s, for at most 10 minutes. */
const POLL_DELAYS_MS = [250, 500, 1000, 2000, 3000];
const POLL_EVERY_MS = 5000;
const PROCESSING_BUDGET_MS = 10 * 60 * 1000;

/** Uploads `media` and returns its attachment id once the server has processed it. */
export async function uploadMastodonMedia(
  context: NetworkContext,
  instanceUrl: string,
  account: AccountAuth,
  media: PublishMedia,
): Promise<string> {
  const bytes = await media.read();
  const form = new FormData();
  form.set('file', new Blob([bytes.slice()], { type: media.mimeType }), media.fileName);
  const description = media.altText?.trim();
  if (description) form.set('description', description.slice(0, 1500));
  const attachment = await mastodonJson(
    context,
    instanceUrl,
    account.tokens,
    '/api/v2/media',
    { method: 'POST', form },
    attachmentSchema,
    'upload the media',
  );
  if (attachment.url === null) await waitUntilProcessed(context, instanceUrl, account, attachment.id);
  return attachment.id;
}

async function waitUntilProcessed(
  context: NetworkContext,
  instanceUrl: string,
  account: AccountAuth,
  id: string,
): Promise<void> {
  const deadline = Date.now() + PROCESSING_BUDGET_MS;
  const url = `${instanceUrl}/api/v1/media/${encodeURIComponent(id)}`;
  for (let attempt = 0; ; attempt += 1) {
    await sleep(POLL_DELAYS_MS[attempt] ?? POLL_EVERY_MS);
    const response = await send(context.http, url, await mastodonRequest(account.tokens, { method: 'GET' }));
    if (!response.ok)
      throw await failureFromResponse(response, { ...mastodonFailureMapping, what: 'check the media processing' });
    await response.body?.cancel();
    if (response.status !== 206) return;
    if (Date.now() > deadline)
      throw new Retryable('The Mastodon server took too long to process the media; the post was not created.');
  }
}
