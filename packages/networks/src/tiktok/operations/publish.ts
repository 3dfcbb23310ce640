/**
 * Publishes to TikTok: checks the settings, reads creator_info (Direct Post), starts the video or
 * photo post, then polls its status for a bounded time.
 *
 * Result: `remoteId` is the public post id once TikTok gives it (URL
 * https://www.tiktok.com/@<username>/video/<id>); otherwise — inbox uploads, "Only me" posts, or
 * moderation still running when polling stops — it is TikTok's `publish_id` and `url` is null. The post
 * was accepted in those cases, so they are results, not errors. FAILED is Permanent.
 */
import type { AccountAuth, NetworkContext, PublishMedia, PublishRequest, PublishResult } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { tiktokSettingsSchema, type TikTokSettings } from '../manifest.ts';
import { readSettings } from '../../shared/read-settings.ts';
import { mediaIssues, settingsIssues } from '../validate.ts';
import { queryCreatorInfo, type CreatorInfo } from './creator-info.ts';
import { waitForPublish, type PollOptions, type PublishOutcome } from './poll-status.ts';
import { startPhotoPost } from './start-photos.ts';
import { startVideoPost } from './start-video.ts';
import type { ChunkRules } from './upload-video.ts';

/** Timing and chunking; tests shorten them, production uses the defaults in provider.ts. */
export interface TikTokPublishOptions {
  poll: PollOptions;
  chunks: ChunkRules;
}

const PRIVACY_WORDS: Readonly<Record<string, string>> = {
  PUBLIC_TO_EVERYONE: 'Everyone',
  MUTUAL_FOLLOW_FRIENDS: 'Friends',
  FOLLOWER_OF_CREATOR: 'Followers',
  SELF_ONLY: 'Only me',
};

/** Direct Post needs fresh creator info: the chosen privacy must be offered, the video short enough. */
function checkAgainstCreator(settings: TikTokSettings, creator: CreatorInfo, video: PublishMedia | undefined): void {
  const privacy = settings.privacy_level;
  if (privacy !== undefined && !creator.privacy_level_options.includes(privacy)) {
    const offered = creator.privacy_level_options.map((option) => PRIVACY_WORDS[option] ?? option).join(', ');
    throw new Permanent(
      `This TikTok account cannot post as "${PRIVACY_WORDS[privacy] ?? privacy}". Choose one of: ${offered}.`,
      {
        vendorCode: 'privacy_level_option_mismatch',
      },
    );
  }
  const maxDuration = creator.max_video_post_duration_sec;
  if (video?.durationSec !== undefined && maxDuration !== undefined && video.durationSec > maxDuration) {
    throw new Permanent(
      `The video is ${Math.round(video.durationSec)} s long; this TikTok account may post at most ${maxDuration} s.`,
    );
  }
}

function firstIssue(issues: readonly { message: string }[]): void {
  const issue = issues[0];
  if (issue !== undefined) throw new Permanent(issue.message);
}

/** Posts the first part of the request to TikTok. */
export async function publishToTikTok(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
  options: TikTokPublishOptions,
): Promise<PublishResult> {
  const settings = readSettings('TikTok', tiktokSettingsSchema, request.settings);
  const part = request.parts[0];
  firstIssue(settingsIssues(settings));
  firstIssue(mediaIssues(part.media));

  const video = part.media.find((item) => item.kind === 'video');
  const creator = settings.mode === 'direct' ? await queryCreatorInfo(context, account) : undefined;
  if (creator !== undefined) checkAgainstCreator(settings, creator, video);

  const publishId =
    video === undefined
      ? await startPhotoPost(context, account, {
          photos: part.media,
          title: request.title,
          description: part.text,
          settings,
          creator,
        })
      : await startVideoPost(context, account, { video, caption: part.text, settings, creator }, options.chunks);

  const outcome = await waitForPublish(
    context,
    account,
    { publishId, expectPostId: settings.mode === 'direct' && settings.privacy_level !== 'SELF_ONLY' },
    options.poll,
  );
  const username = creator?.creator_username ?? account.metadata['username'];
  return resultOf(publishId, outcome, username, video === undefined ? 'photo' : 'video');
}

function resultOf(
  publishId: string,
  outcome: PublishOutcome,
  username: string | undefined,
  kind: 'video' | 'photo',
): PublishResult {
  if (outcome.state === 'published' && outcome.postId !== undefined) {
    const url =
      username === undefined || username.length === 0
        ? null
        : `https://www.tiktok.com/@${username}/${kind}/${outcome.postId}`;
    return { remoteId: outcome.postId, url, extra: [] };
  }
  return { remoteId: publishId, url: null, extra: [] };
}
