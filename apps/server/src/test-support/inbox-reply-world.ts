/**
 * The world of the inbox reply tests: the real app on its own database, the Bluesky fake over real HTTP
 * with a connected account (alice.test), an owner, an admin, a viewer and an outsider, and conversations
 * stored the way the inbox's reading stores them (a comment on our post, with the refs Bluesky needs).
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { SendReplyDeps } from '@plume/core/inbox/replies/send-reply';
import { inboxConversations, inboxItems } from '@plume/db/schema/inbox';
import type { InboxKind } from '@plume/contract/inbox/inbox-enums';
import { blueskyProvider } from '@plume/networks/bluesky/provider';
import { mastodonProvider } from '@plume/networks/mastodon/provider';
import { startBlueskyFake, type BlueskyFake } from '@plume/testing/fakes/bluesky';
import { fakeCid } from '@plume/testing/fakes/bluesky-inbox-routes';
import { addMember, createUser, createWorkspaceAs, type TestUser, type TestWorkspace } from './factories.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export const ALICE_DID = 'did:plc:alice123';

export type InboxWorld = {
  t: TestApp;
  bluesky: BlueskyFake;
  owner: TestUser;
  admin: TestUser;
  viewer: TestUser;
  outsider: TestUser;
  workspace: TestWorkspace;
  outsiderWorkspace: TestWorkspace;
  accountId: string;
  /** What the send job gets in the worker (a runner id without a heartbeat: tests call it directly). */
  sendDeps: SendReplyDeps;
  base: (workspaceId?: string) => string;
  close: () => Promise<void>;
};

export async function startInboxWorld(env: Record<string, string> = {}): Promise<InboxWorld> {
  const bluesky = await startBlueskyFake();
  const t = await createTestApp(
    { HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', PUBLIC_URL: 'http://plume.test', ...env },
    { providers: [blueskyProvider, mastodonProvider] },
  );
  const owner = await createUser(t.app, t.db, { name: 'Ines Owner' });
  const admin = await createUser(t.app, t.db, { name: 'Ada Admin' });
  const viewer = await createUser(t.app, t.db, { name: 'Vic Viewer' });
  const outsider = await createUser(t.app, t.db, { name: 'Otto Outsider' });
  const workspace = await createWorkspaceAs(t.app, owner);
  const outsiderWorkspace = await createWorkspaceAs(t.app, outsider);
  await addMember(t.app, workspace, owner, admin, 'admin');
  await addMember(t.app, workspace, owner, viewer, 'viewer');
  const base = (workspaceId = workspace.id) => `/api/v1/workspaces/${workspaceId}`;
  const connected = await t.app.inject({
    method: 'POST',
    url: `${base()}/accounts/credentials`,
    headers: owner.headers,
    payload: {
      network: 'bluesky',
      credentials: { identifier: 'alice.test', password: 'app-pass-1234', service: bluesky.url },
    },
  });
  expect(connected.statusCode, connected.body).toBe(201);
  const { context } = t;
  const sendDeps: SendReplyDeps = {
    db: context.db,
    keyring: context.keyring,
    runtime: context.publishing.runtime,
    appUrl: context.publishing.appUrl,
    runnerId: `test-runner-${randomUUID()}`,
  };
  return {
    t,
    bluesky,
    owner,
    admin,
    viewer,
    outsider,
    workspace,
    outsiderWorkspace,
    accountId: connected.json<{ id: string }>().id,
    sendDeps,
    base,
    close: async () => {
      await t.close();
      await bluesky.close();
    },
  };
}

export type StoredConversation = { conversationId: string; itemId: string; remoteId: string; rootUri: string };

/**
 * A conversation with one incoming item from bob.test, answering our post `root` (at://alice/…).
 * `workspaceId`/`accountId` default to the world's.
 */
export async function storeConversation(
  world: InboxWorld,
  input: { kind?: InboxKind; text?: string; workspaceId?: string; accountId?: string } = {},
): Promise<StoredConversation> {
  const key = randomUUID().slice(0, 8);
  const rootUri = `at://${ALICE_DID}/app.bsky.feed.post/root${key}`;
  const remoteId = `at://did:plc:bob456/app.bsky.feed.post/c${key}`;
  const workspaceId = input.workspaceId ?? world.workspace.id;
  const accountId = input.accountId ?? world.accountId;
  const kind = input.kind ?? 'comment';
  const now = new Date();
  const [conversation] = await world.t.db
    .insert(inboxConversations)
    .values({
      workspaceId,
      accountId,
      network: 'bluesky',
      kind,
      conversationKey: remoteId,
      postRemoteId: rootUri,
      contactId: 'did:plc:bob456',
      contactHandle: 'bob.test',
      contactName: 'Bob',
      preview: input.text ?? 'Do you ship to Lyon?',
      lastItemAt: now,
      itemCount: 1,
      unreadCount: 1,
      awaitingSince: now,
    })
    .returning({ id: inboxConversations.id });
  if (!conversation) throw new Error('conversation insert returned no row');
  const [item] = await world.t.db
    .insert(inboxItems)
    .values({
      workspaceId,
      conversationId: conversation.id,
      accountId,
      remoteId,
      kind,
      parentRemoteId: rootUri,
      authorId: 'did:plc:bob456',
      authorHandle: 'bob.test',
      authorName: 'Bob',
      text: input.text ?? 'Do you ship to Lyon?',
      remoteCreatedAt: now,
      meta: { cid: fakeCid(remoteId), rootUri, rootCid: fakeCid(rootUri) },
    })
    .returning({ id: inboxItems.id });
  if (!item) throw new Error('item insert returned no row');
  return { conversationId: conversation.id, itemId: item.id, remoteId, rootUri };
}
