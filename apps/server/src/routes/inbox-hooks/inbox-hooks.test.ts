/**
 * The inbox webhook receiver through the real app: Meta's subscription handshake, X-Hub-Signature-256
 * checked over the raw body (signed here with node:crypto), items stored once however often a call comes,
 * for every workspace that connected the Page, and ignored for Pages nobody connected.
 * Until the Facebook adapter's own `inboxWebhook` lands, the provider's verify/parse are written here, after
 * Meta's Webhooks documentation (a `page` object with `entry[].changes[]` of field `feed`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialAccounts } from '@plume/db/schema/social';
import type { NetworkProvider } from '@plume/networks/contract';
import type { InboxItemReading, PushedInboxItems } from '@plume/networks/inbox-contract';
import { facebookProvider } from '@plume/networks/facebook/provider';
import { mastodonProvider } from '@plume/networks/mastodon/provider';
import { createUser, createWorkspaceAs } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

const APP_SECRET = 'meta-app-secret-for-tests';
const VERIFY_TOKEN = 'plume-verify-token-0123456789';

type FeedChange = {
  field: string;
  value: { item: string; verb: string; comment_id: string; post_id: string; message: string; created_time: number };
};
type MetaBody = { object: string; entry: { id: string; changes: FeedChange[] }[] };

function readingOf(change: FeedChange): InboxItemReading {
  return {
    remoteId: change.value.comment_id,
    kind: 'comment',
    conversationKey: change.value.comment_id,
    parentRemoteId: null,
    postRemoteId: change.value.post_id,
    author: { id: 'psid-1', handle: 'Camille', displayName: 'Camille' },
    text: change.value.message,
    createdAt: new Date(change.value.created_time * 1000),
    url: null,
    fromAccount: false,
    meta: {},
  };
}

const pushingFacebook: NetworkProvider = {
  ...facebookProvider,
  manifest: {
    ...facebookProvider.manifest,
    inbox: { ...facebookProvider.manifest.inbox, kinds: ['comment'], delivery: 'push', pageSize: 25, minPollSec: 300 },
  },
  listInbox: () => Promise.resolve({ items: [], cursor: null, more: false }),
  inboxWebhook: {
    verify: ({ headers, rawBody, appSecret }) => {
      const given = Buffer.from(headers['x-hub-signature-256'] ?? '');
      const expected = Buffer.from(`sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    parse: (body): PushedInboxItems[] => {
      const meta = body as MetaBody;
      if (meta.object !== 'page') return [];
      return meta.entry.map((entry) => ({
        accountExternalId: entry.id,
        items: entry.changes
          .filter((change) => change.field === 'feed' && change.value.item === 'comment')
          .map(readingOf),
      }));
    },
  },
};

let testApp: TestApp;
const pageId = 'page-4242';

beforeAll(async () => {
  testApp = await createTestApp(
    {
      FACEBOOK_APP_ID: 'meta-app',
      FACEBOOK_APP_SECRET: APP_SECRET,
      INBOX_WEBHOOK_VERIFY_TOKEN: VERIFY_TOKEN,
    },
    { providers: [pushingFacebook, mastodonProvider] },
  );
  // The same Page connected in two workspaces.
  for (const name of ['Ada', 'Bea']) {
    const owner = await createUser(testApp.app, testApp.db, { name });
    const workspace = await createWorkspaceAs(testApp.app, owner);
    await testApp.db.insert(socialAccounts).values({
      workspaceId: workspace.id,
      network: 'facebook',
      externalId: pageId,
      handle: 'Bakery Page',
      displayName: 'Bakery Page',
      kind: 'page',
      tokensCiphertext: 'unused',
    });
  }
});

afterAll(async () => {
  await testApp.close();
});

const url = '/api/v1/hooks/inbox/facebook';

function handshake(query: Record<string, string>, network = 'facebook') {
  return testApp.app.inject({ method: 'GET', url: `/api/v1/hooks/inbox/${network}`, query });
}

function body(page: string, commentId: string, message: string): string {
  const value = {
    item: 'comment',
    verb: 'add',
    comment_id: commentId,
    post_id: `${page}_1`,
    message,
    created_time: 1_796_000_000,
  };
  return JSON.stringify({
    object: 'page',
    entry: [{ id: page, time: 1_796_000_000, changes: [{ field: 'feed', value }] }],
  });
}

function send(raw: string, secret = APP_SECRET) {
  const signature = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  return testApp.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    payload: raw,
  });
}

const storedItems = async (remoteId: string) =>
  (
    await testApp.db.execute<{ workspace_id: string }>(
      sql`SELECT workspace_id FROM inbox_items WHERE remote_id = ${remoteId} ORDER BY workspace_id`,
    )
  ).rows;

describe('the subscription handshake', () => {
  it('echoes hub.challenge as text when the verify token matches', async () => {
    const answer = await handshake({
      'hub.mode': 'subscribe',
      'hub.verify_token': VERIFY_TOKEN,
      'hub.challenge': '1158201444',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-type']).toContain('text/plain');
    expect(answer.body).toBe('1158201444');
  });

  it('refuses a wrong token or mode (403) and a network that does not push (404)', async () => {
    const wrong = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.body).not.toContain(VERIFY_TOKEN);
    const mode = await handshake({ 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' });
    expect(mode.statusCode).toBe(403);
    const mastodon = await handshake(
      { 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' },
      'mastodon',
    );
    expect(mastodon.statusCode).toBe(404);
  });
});

describe('receiving events', () => {
  it('answers 401 to a call signed with another secret, and stores nothing', async () => {
    const answer = await send(body(pageId, 'c-forged', 'Free money'), 'not-the-secret');
    expect(answer.statusCode).toBe(401);
    expect(await storedItems('c-forged')).toEqual([]);
    const unsigned = await testApp.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: body(pageId, 'c-forged', 'Free money'),
    });
    expect(unsigned.statusCode).toBe(401);
  });

  it('stores a signed comment once per connected workspace, however often it is sent', async () => {
    const raw = body(pageId, 'c-100', 'Are you open on Sunday?');
    const first = await send(raw);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ received: true, accounts: 2, created: 2 });
    const again = await send(raw);
    expect(again.json()).toEqual({ received: true, accounts: 2, created: 0 });
    const rows = await storedItems('c-100');
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.workspace_id)).size).toBe(2);
  });

  it('checks the bytes as sent: the same JSON re-spaced no longer matches the signature', async () => {
    const raw = body(pageId, 'c-101', 'Hi');
    const signature = `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`;
    const respaced = JSON.stringify(JSON.parse(raw), null, 2);
    const answer = await testApp.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      payload: respaced,
    });
    expect(answer.statusCode).toBe(401);
  });

  it('ignores items for a Page no workspace connected', async () => {
    const answer = await send(body('page-unknown', 'c-200', 'Hello'));
    expect(answer.json()).toEqual({ received: true, accounts: 0, created: 0 });
    expect(await storedItems('c-200')).toEqual([]);
  });
});
