/**
 * Publishes to Bluesky: for each part, upload its images, find its facets, then write an
 * `app.bsky.feed.post` record with com.atproto.repo.createRecord. Thread parts reply to the part
 * before (`reply: {root, parent}`, strong refs of uri + cid). There is no idempotency key, so once
 * the first post exists a later failure is Permanent (never retried into a duplicate).
 * Docs: docs.bsky.app/docs/advanced-guides/posts, lexicon app.bsky.feed.post
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishedItem, PublishRequest, PublishResult } from '../../contract.ts';
import { partlyPublished } from '../../shared/partly-published.ts';
import { accountRepo, blueskyWebUrl, xrpcProcedure } from '../client.ts';
import { composedText, parseAtUri, readBlueskySettings, usesLinkCard, type BlueskySettings } from '../compose.ts';
import { buildFacets } from '../facets.ts';
import { buildLinkCard } from '../link-card.ts';
import { beforeCreate } from '../../shared/before-create.ts';
import { uploadImages } from './upload-images.ts';

const createdSchema = z.looseObject({ uri: z.string().startsWith('at://'), cid: z.string().min(1) });

interface StrongRef {
  uri: string;
  cid: string;
}

type Repo = ReturnType<typeof accountRepo>;

/** The public address of a post: `https://bsky.app/profile/<handle>/post/<rkey>`. */
export function blueskyPostUrl(context: NetworkContext, account: AccountAuth, uri: string): string | null {
  const parsed = parseAtUri(uri);
  if (parsed === undefined) return null;
  const actor = account.metadata['handle'] ?? parsed.repo;
  return `${blueskyWebUrl(context)}/profile/${actor}/post/${parsed.rkey}`;
}

/** Publishes the post and its thread replies, in order. */
export async function publishToBluesky(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
): Promise<PublishResult> {
  const settings = readBlueskySettings(request);
  const repo = accountRepo(context, account);
  const rootRef = await publishPart(context, repo, request, 0, settings, undefined);
  const root: PublishedItem = { remoteId: rootRef.uri, url: blueskyPostUrl(context, account, rootRef.uri) };

  const extra: PublishedItem[] = [];
  let parent = rootRef;
  for (let index = 1; index < request.parts.length; index += 1) {
    try {
      parent = await publishPart(context, repo, request, index, settings, { root: rootRef, parent });
      extra.push({ remoteId: parent.uri, url: blueskyPostUrl(context, account, parent.uri) });
    } catch (error) {
      throw partlyPublished('Bluesky', root, extra, `part ${index + 1} of the thread`, error);
    }
  }
  return { ...root, extra };
}

async function publishPart(
  context: NetworkContext,
  repo: Repo,
  request: PublishRequest,
  index: number,
  settings: BlueskySettings,
  reply: { root: StrongRef; parent: StrongRef } | undefined,
): Promise<StrongRef> {
  const text = composedText(request, index, settings);
  const media = request.parts[index]?.media ?? [];
  const { facets, embed } = await beforeCreate('Preparing the post on Bluesky failed', async () => {
    const images = await uploadImages(context, repo, media);
    const card =
      index === 0 && request.link !== undefined && usesLinkCard(request, settings)
        ? await buildLinkCard(context, repo, request.link)
        : undefined;
    const found = await buildFacets(context, repo.base, text);
    return { facets: found, embed: images ?? card };
  });
  const language = settings.language?.trim();
  const record = {
    $type: 'app.bsky.feed.post',
    text,
    createdAt: context.now().toISOString(),
    ...(facets.length > 0 ? { facets } : {}),
    ...(language ? { langs: [language] } : {}),
    ...(embed === undefined ? {} : { embed }),
    ...(reply === undefined ? {} : { reply }),
  };
  const created = await xrpcProcedure(context, {
    base: repo.base,
    nsid: 'com.atproto.repo.createRecord',
    token: repo.token,
    json: { repo: repo.did, collection: 'app.bsky.feed.post', record },
    schema: createdSchema,
    what: 'create the post',
  });
  return { uri: created.uri, cid: created.cid };
}
