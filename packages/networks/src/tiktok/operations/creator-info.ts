/**
 * POST /v2/post/publish/creator_info/query/ (developers.tiktok.com/doc/content-posting-api-reference-query-creator-info):
 * the privacy levels this account may use, whether comments/duets/stitches are off for it, and its
 * longest allowed video. TikTok's UX guidelines require checking it before every Direct Post.
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { beforePostExists, tiktokRequest } from '../client.ts';

const creatorInfoSchema = z.looseObject({
  creator_avatar_url: z.string().optional(),
  creator_username: z.string().optional(),
  creator_nickname: z.string().optional(),
  privacy_level_options: z.array(z.string()).default([]),
  comment_disabled: z.boolean().default(false),
  duet_disabled: z.boolean().default(false),
  stitch_disabled: z.boolean().default(false),
  max_video_post_duration_sec: z.number().positive().optional(),
});

export type CreatorInfo = z.output<typeof creatorInfoSchema>;

/** Reads the creator's posting options; failures here come before anything was posted. */
export async function queryCreatorInfo(context: NetworkContext, account: AccountAuth): Promise<CreatorInfo> {
  return beforePostExists('read the TikTok posting options', () =>
    tiktokRequest(context, account, {
      method: 'POST',
      path: '/v2/post/publish/creator_info/query/',
      body: {},
      data: creatorInfoSchema,
      what: 'read the TikTok posting options',
      creates: false,
    }),
  );
}
