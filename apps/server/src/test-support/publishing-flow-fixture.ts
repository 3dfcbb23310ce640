/**
 * The set-up the publishing flow tests share: a Plume app with Mastodon, a fake Mastodon server, an owner
 * and an editor in one workspace with the account connected, and the publishing engine's dependencies.
 * Values are live bindings, filled in by `beforeAll` of the file that calls `setUpPublishingFlow()`.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { createNetworkLimiter } from '@plume/core/publishing/network-limiter';
import type { PublishDeps } from '@plume/core/publishing/publish-target';
import { postTargets } from '@plume/db/schema/publishing';
import { mastodonProvider } from '@plume/networks/mastodon/provider';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { connectMastodon } from './connect-mastodon.ts';
import { addMember, createUser, createWorkspaceAs, type TestUser, type TestWorkspace } from './factories.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export let testApp: TestApp;
export let fake: MastodonFake;
export let owner: TestUser;
export let editor: TestUser;
export let workspace: TestWorkspace;
export let accountId: string;
export let deps: PublishDeps;

export type PostDetail = {
  id: string;
  state: string;
  version: number;
  targets: { id: string; state: string; remoteUrl: string | null; failureReason: string | null }[];
  issues: unknown[];
};

export function setUpPublishingFlow(): void {
  beforeAll(async () => {
    fake = await startMastodonFake();
    testApp = await createTestApp(
      { HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', PUBLIC_URL: 'http://plume.test' },
      { providers: [mastodonProvider] },
    );
    owner = await createUser(testApp.app, testApp.db, { name: 'Olive Owner' });
    editor = await createUser(testApp.app, testApp.db, { name: 'Eddie Editor' });
    workspace = await createWorkspaceAs(testApp.app, owner);
    await addMember(testApp.app, workspace, owner, editor, 'editor');
    accountId = await connectMastodon(testApp.app, fake, owner, workspace);
    const { context } = testApp;
    deps = {
      db: context.db,
      keyring: context.keyring,
      runtime: context.publishing.runtime,
      appUrl: context.publishing.appUrl,
      media: context.publishing.media,
      limiter: createNetworkLimiter(),
      runnerId: 'test-runner',
      staleRunnerSeconds: 60,
    };
  });

  afterAll(async () => {
    await testApp.close();
    await fake.close();
  });
}

export const base = () => `/api/v1/workspaces/${workspace.id}`;

export async function createScheduledPost(text: string): Promise<PostDetail> {
  const created = await testApp.app.inject({
    method: 'POST',
    url: `${base()}/posts`,
    headers: owner.headers,
    payload: {
      content: { text, hashtags: ['plume'] },
      targets: [{ accountId }],
      scheduledAt: new Date().toISOString(),
      submit: true,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const post = created.json<PostDetail>();
  expect(post.state).toBe('scheduled');
  return post;
}

export async function targetRow(targetId: string) {
  const [row] = await testApp.db.select().from(postTargets).where(eq(postTargets.id, targetId));
  if (!row) throw new Error('target missing');
  return row;
}
