/**
 * Answers and moderates inbox items on Bluesky.
 * - Reply: an `app.bsky.feed.post` record with `reply: {root, parent}` strong refs (uri + cid): the parent
 *   is the item, the root is the item's thread root (stored in `meta` when read), never the parent;
 *   links, mentions and tags become facets as in publishing. createRecord has no idempotency key.
 * - Hide: the thread's author may hide replies with the thread gate (`app.bsky.feed.threadgate`, record
 *   key = the root post's key, `hiddenReplies` ≤ 300 URIs). The gate is read, the URI added and the
 *   record written back with putRecord and `swapRecord` (so a concurrent change is not lost). A new gate
 *   leaves `allow` unset, which keeps replies open to everyone. Replies in other people's threads cannot
 *   be hidden, and nobody can delete another account's post.
 * Docs: docs.bsky.app/docs/advanced-guides/posts#replies, lexicons app.bsky.feed.post, app.bsky.feed.threadgate
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishedItem } from '../../contract.ts';
import type { InboxItemRef, InboxReplyRequest, ModerationAction } from '../../inbox-contract.ts';
import { Permanent, isProviderError } from '../../provider-errors.ts';
import { beforeCreate } from '../../shared/before-create.ts';
import { countText } from '../../text/count-text.ts';
import { accountRepo, xrpcProcedure, xrpcQuery } from '../client.ts';
import { parseAtUri } from '../compose.ts';
import { buildFacets } from '../facets.ts';
import { BLUESKY_TEXT_BYTES, BLUESKY_TEXT_GRAPHEMES } from '../manifest.ts';
import { blueskyPostUrl } from './publish.ts';

const createdSchema = z.looseObject({ uri: z.string().startsWith('at://'), cid: z.string().min(1) });
const MAX_HIDDEN = 300;

interface StrongRef {
  uri: string;
  cid: string;
}

/** The item's own ref and its thread's root, from what the inbox stored when it read the item. */
export function replyRefs(item: InboxItemRef): { root: StrongRef; parent: StrongRef } {
  const cid = item.meta['cid'];
  if (cid === undefined || parseAtUri(item.remoteId) === undefined)
    throw new Permanent('This Bluesky item has no post reference to answer; read the inbox again.');
  const parent = { uri: item.remoteId, cid };
  const rootUri = item.meta['rootUri'];
  const rootCid = item.meta['rootCid'];
  return { root: rootUri !== undefined && rootCid !== undefined ? { uri: rootUri, cid: rootCid } : parent, parent };
}

function checkText(text: string): void {
  if (text.trim() === '') throw new Permanent('A Bluesky reply needs text.');
  if (countText(text, { kind: 'graphemes' }) > BLUESKY_TEXT_GRAPHEMES)
    throw new Permanent(`Bluesky replies can be at most ${BLUESKY_TEXT_GRAPHEMES} characters long; shorten it.`);
  if (countText(text, { kind: 'utf8_bytes' }) > BLUESKY_TEXT_BYTES)
    throw new Permanent(`Bluesky replies can be at most ${BLUESKY_TEXT_BYTES} bytes long; shorten it.`);
}

/** Posts `text` as a reply to the item, in its thread. */
export async function replyOnBluesky(
  context: NetworkContext,
  account: AccountAuth,
  request: InboxReplyRequest,
): Promise<PublishedItem> {
  checkText(request.text);
  const reply = replyRefs(request.item);
  const repo = accountRepo(context, account);
  const facets = await beforeCreate('Preparing the reply on Bluesky failed', () =>
    buildFacets(context, repo.base, request.text),
  );
  const record = {
    $type: 'app.bsky.feed.post',
    text: request.text,
    createdAt: context.now().toISOString(),
    ...(facets.length > 0 ? { facets } : {}),
    reply,
  };
  const created = await xrpcProcedure(context, {
    base: repo.base,
    nsid: 'com.atproto.repo.createRecord',
    token: repo.token,
    json: { repo: repo.did, collection: 'app.bsky.feed.post', record },
    schema: createdSchema,
    what: 'post the reply',
  });
  return { remoteId: created.uri, url: blueskyPostUrl(context, account, created.uri) };
}

const gateSchema = z.looseObject({
  cid: z.string(),
  value: z.looseObject({ createdAt: z.string().optional(), hiddenReplies: z.array(z.string()).optional() }),
});
type Gate = z.output<typeof gateSchema>;

async function readGate(
  context: NetworkContext,
  repo: ReturnType<typeof accountRepo>,
  rkey: string,
): Promise<Gate | undefined> {
  try {
    return await xrpcQuery(context, {
      base: repo.base,
      nsid: 'com.atproto.repo.getRecord',
      token: repo.token,
      params: { repo: repo.did, collection: 'app.bsky.feed.threadgate', rkey },
      schema: gateSchema,
      what: 'read the thread gate',
    });
  } catch (error) {
    if (isProviderError(error) && error.kind === 'permanent' && error.vendorCode === 'RecordNotFound') return undefined;
    throw error;
  }
}

/** Hides a reply in one of the account's threads (the only moderation Bluesky gives a thread's author). */
export async function moderateOnBluesky(
  context: NetworkContext,
  account: AccountAuth,
  input: { item: InboxItemRef; action: ModerationAction },
): Promise<void> {
  if (input.action !== 'hide')
    throw new Permanent('Bluesky does not let you delete other people’s posts; hide the reply instead.');
  const repo = accountRepo(context, account);
  const rootUri = replyRefs(input.item).root.uri;
  const root = parseAtUri(rootUri);
  if (root === undefined || root.repo !== repo.did || rootUri === input.item.remoteId)
    throw new Permanent('Bluesky lets you hide replies only in threads that start with one of your posts.');
  const gate = await readGate(context, repo, root.rkey);
  const hidden = gate?.value.hiddenReplies ?? [];
  if (hidden.includes(input.item.remoteId)) return;
  if (hidden.length >= MAX_HIDDEN)
    throw new Permanent(`Bluesky hides at most ${MAX_HIDDEN} replies in one thread; this thread is full.`);
  const record = {
    ...(gate?.value ?? {}),
    $type: 'app.bsky.feed.threadgate',
    post: rootUri,
    createdAt: gate?.value.createdAt ?? context.now().toISOString(),
    hiddenReplies: [...hidden, input.item.remoteId],
  };
  await xrpcProcedure(context, {
    base: repo.base,
    nsid: 'com.atproto.repo.putRecord',
    token: repo.token,
    json: {
      repo: repo.did,
      collection: 'app.bsky.feed.threadgate',
      rkey: root.rkey,
      record,
      swapRecord: gate?.cid ?? null,
    },
    schema: z.looseObject({ uri: z.string() }),
    what: 'hide the reply',
  });
}
