/**
 * Turns a stored target into the PublishRequest its network gets: resolved text with hashtags,
 * media with bytes on demand and a public URL, settings parsed with the manifest's defaults.
 */
import { inArray } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { mediaAssets } from '@plume/db/schema/media';
import type { PostContent, TargetOverride } from '@plume/db/schema/publishing';
import type { NetworkManifest, PublishMedia, PublishPart, PublishRequest } from '@plume/networks/contract';
import { Permanent } from '@plume/networks/provider-errors';
import { mediaPublicUrl, type MediaStore } from '../media/media-store.ts';
import { conformingVideo } from '../media/video/video-renditions.ts';
import { resolveTargetContent } from '../posts/resolve-target-content.ts';
import type { Keyring } from '../secrets/keyring.ts';

export type RequestDeps = { db: Database; keyring: Keyring; media: MediaStore; appUrl: string };

export async function buildPublishRequest(
  deps: RequestDeps,
  input: {
    targetId: string;
    content: PostContent;
    override: TargetOverride;
    settings: Record<string, unknown>;
    manifest: NetworkManifest;
  },
): Promise<PublishRequest> {
  const resolved = resolveTargetContent(input.content, input.override);
  const allIds = [...resolved.mediaIds, ...resolved.thread.flatMap((part) => part.mediaIds)];
  const rows =
    allIds.length === 0 ? [] : await deps.db.select().from(mediaAssets).where(inArray(mediaAssets.id, allIds));
  // Videos the network would not take as they are go as their rendition (docs/media.md "Video").
  const videoRule = input.manifest.media.rules.find((rule) => rule.kind === 'video');
  const sendable = await Promise.all(
    rows.map(async (row) =>
      videoRule === undefined ? row : conformingVideo(deps, row, videoRule, input.manifest.name),
    ),
  );
  const byId = new Map(rows.map((row, index) => [row.id, sendable[index] ?? row]));
  const mediaOf = (ids: string[]): PublishMedia[] =>
    ids.map((id) => {
      const row = byId.get(id);
      if (row === undefined) throw new Permanent('A media file of this post was deleted.');
      return {
        id: row.id,
        kind: row.kind,
        mimeType: row.mimeType,
        bytes: row.bytes,
        ...(row.width === null ? {} : { width: row.width }),
        ...(row.height === null ? {} : { height: row.height }),
        ...(row.durationSec === null ? {} : { durationSec: row.durationSec }),
        ...(row.altText === null ? {} : { altText: row.altText }),
        aiGenerated: row.aiGenerated,
        fileName: row.fileName,
        publicUrl: mediaPublicUrl(deps.keyring, deps.appUrl, row.id),
        read: () => deps.media.read(row.storageKey),
      };
    });
  const settings = input.manifest.settings.safeParse(input.settings);
  if (!settings.success)
    throw new Permanent(
      `The ${input.manifest.name} settings of this post are not valid: ${settings.error.issues[0]?.message ?? ''}`,
    );
  const first: PublishPart = { text: resolved.text, media: mediaOf(resolved.mediaIds) };
  return {
    parts: [first, ...resolved.thread.map((part) => ({ text: part.text, media: mediaOf(part.mediaIds) }))],
    ...(resolved.title === undefined ? {} : { title: resolved.title }),
    ...(resolved.link === undefined ? {} : { link: resolved.link }),
    ...(resolved.firstComment === undefined || resolved.firstComment.length === 0
      ? {}
      : { firstComment: resolved.firstComment }),
    settings: settings.data,
    idempotencyKey: input.targetId,
  };
}
