/**
 * POST /v2/post/publish/status/fetch/ (developers.tiktok.com/doc/content-posting-api-reference-get-video-status):
 * posting is asynchronous, so after the upload we poll until PUBLISH_COMPLETE, SEND_TO_USER_INBOX or
 * FAILED. Polling is bounded: TikTok's moderation can take hours, and by then the post was accepted,
 * so running out of time (or a failed status read) is not an error — the caller keeps the publish_id.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { isProviderError, Permanent } from '../../provider-errors.ts';
import { tiktokRequest } from '../client.ts';
import { failReasonMessage } from '../errors.ts';

const statusSchema = z.looseObject({
  status: z.string(),
  fail_reason: z.string().optional(),
  // int64 ids; parseJsonKeepingBigIntegers hands large ones over as strings.
  publicaly_available_post_id: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
});

export interface PollOptions {
  intervalMs: number;
  maxWaitMs: number;
}

/** What polling learned: the final state, or `pending` when time ran out or the status could not be read. */
export type PublishOutcome =
  { state: 'published'; postId: string | undefined } | { state: 'in_inbox' } | { state: 'pending' };

/**
 * Polls until a final status. Stops at PUBLISH_COMPLETE once TikTok gives the public post id (or at
 * once when `expectPostId` is false, e.g. "Only me" posts that never get one). FAILED throws Permanent.
 */
export async function waitForPublish(
  context: NetworkContext,
  account: AccountAuth,
  input: { publishId: string; expectPostId: boolean },
  options: PollOptions,
): Promise<PublishOutcome> {
  const deadline = Date.now() + options.maxWaitMs;
  let completed = false;
  for (;;) {
    const status = await readStatus(context, account, input.publishId);
    if (status === 'give_up') return completed ? { state: 'published', postId: undefined } : { state: 'pending' };
    if (status !== undefined) {
      if (status.status === 'FAILED')
        throw new Permanent(failReasonMessage(status.fail_reason), { vendorCode: status.fail_reason ?? 'FAILED' });
      if (status.status === 'SEND_TO_USER_INBOX') return { state: 'in_inbox' };
      if (status.status === 'PUBLISH_COMPLETE') {
        completed = true;
        const postId = status.publicaly_available_post_id?.[0];
        if (postId !== undefined || !input.expectPostId) return { state: 'published', postId };
      }
    }
    if (Date.now() + options.intervalMs > deadline)
      return completed ? { state: 'published', postId: undefined } : { state: 'pending' };
    await sleep(options.intervalMs);
  }
}

/**
 * One status read; a failure is "unknown for now" (the post itself was accepted). A rejected token or
 * a refusal will not get better by asking again, so those end the polling.
 */
async function readStatus(
  context: NetworkContext,
  account: AccountAuth,
  publishId: string,
): Promise<z.output<typeof statusSchema> | undefined | 'give_up'> {
  try {
    return await tiktokRequest(context, account, {
      method: 'POST',
      path: '/v2/post/publish/status/fetch/',
      body: { publish_id: publishId },
      data: statusSchema,
      what: 'check the TikTok post status',
      creates: false,
    });
  } catch (error) {
    return isProviderError(error) && (error.kind === 'auth_expired' || error.kind === 'permanent')
      ? 'give_up'
      : undefined;
  }
}
