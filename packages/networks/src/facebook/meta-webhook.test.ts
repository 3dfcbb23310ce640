import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { instagramProvider } from '../instagram/provider.ts';
import { answerMetaSubscription } from './meta-webhook.ts';
import { facebookProvider } from './provider.ts';

const facebookHook = facebookProvider.inboxWebhook!;
const instagramHook = instagramProvider.inboxWebhook!;
const SECRET = 'app-secret-123';

/** Signs as Meta does, independently of the code under test. */
function sign(body: Buffer, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

const pageBody = {
  object: 'page',
  entry: [
    {
      id: '101',
      time: 1_765_000_000,
      changes: [
        {
          field: 'feed',
          value: {
            item: 'comment',
            verb: 'add',
            comment_id: '1_c1',
            post_id: '101_1',
            parent_id: '101_1',
            message: 'Open on Sunday?',
            created_time: 1_765_000_000,
            from: { id: 'user-1', name: 'User One' },
            post: { status_type: 'mobile_status_update' },
          },
        },
        {
          field: 'feed',
          value: {
            item: 'comment',
            verb: 'add',
            comment_id: '1_r1',
            post_id: '101_77',
            parent_id: '1_c1',
            message: 'Yes!',
            created_time: 1_765_000_060,
            from: { id: '101', name: 'Bakery on Main' },
            post: { status_type: 'added_video' },
          },
        },
        {
          field: 'feed',
          value: { item: 'comment', verb: 'remove', comment_id: '1_c9', post_id: '101_1', parent_id: '101_1' },
        },
        { field: 'feed', value: { item: 'reaction', verb: 'add', post_id: '101_1', reaction_type: 'like' } },
        { field: 'ratings', value: { item: 'rating' } },
      ],
      messaging: [
        {
          sender: { id: 'psid-1' },
          recipient: { id: '101' },
          timestamp: 1_765_000_100_000,
          message: { mid: 'm_1', text: 'Hello' },
        },
        {
          sender: { id: '101' },
          recipient: { id: 'psid-1' },
          timestamp: 1_765_000_200_000,
          message: { mid: 'm_2', text: 'Hi!', is_echo: true },
        },
        { sender: { id: 'psid-1' }, recipient: { id: '101' }, timestamp: 1_765_000_300_000, read: { watermark: 1 } },
      ],
    },
    {
      id: '202',
      time: 1_765_000_000,
      messaging: [
        {
          sender: { id: 'psid-2' },
          recipient: { id: '202' },
          timestamp: 1_765_000_000_000,
          message: { mid: 'm_3', text: 'Other page' },
        },
      ],
    },
    {
      id: '101',
      time: 1_765_000_500,
      messaging: [
        {
          sender: { id: 'psid-3' },
          recipient: { id: '101' },
          timestamp: 1_765_000_500_000,
          message: { mid: 'm_4', text: 'Second entry' },
        },
      ],
    },
  ],
};

describe('Meta webhook signature', () => {
  const raw = Buffer.from(JSON.stringify(pageBody));

  it('accepts a body signed with the app secret, whatever the header name case', () => {
    expect(
      facebookHook.verify({ headers: { 'x-hub-signature-256': sign(raw) }, rawBody: raw, appSecret: SECRET }),
    ).toBe(true);
    expect(
      instagramHook.verify({ headers: { 'X-Hub-Signature-256': sign(raw) }, rawBody: raw, appSecret: SECRET }),
    ).toBe(true);
  });

  it('refuses a tampered body, a wrong secret, a missing or malformed header', () => {
    const tampered = Buffer.from(JSON.stringify(pageBody).replace('Open on Sunday?', 'Open on Monday?'));
    const verify = (headers: Record<string, string | undefined>, body = raw, appSecret = SECRET): boolean =>
      facebookHook.verify({ headers, rawBody: body, appSecret });
    expect(verify({ 'x-hub-signature-256': sign(raw) }, tampered)).toBe(false);
    expect(verify({ 'x-hub-signature-256': sign(raw, 'another-secret') })).toBe(false);
    expect(verify({})).toBe(false);
    expect(verify({ 'x-hub-signature-256': undefined })).toBe(false);
    expect(verify({ 'x-hub-signature-256': sign(raw).replace('sha256=', 'sha1=') })).toBe(false);
    expect(verify({ 'x-hub-signature-256': sign(raw).slice(0, -2) })).toBe(false);
    expect(verify({ 'x-hub-signature-256': `sha256=${'zz'.repeat(32)}` })).toBe(false);
    // The older SHA-1 header alone is not enough.
    expect(verify({ 'x-hub-signature': `sha1=${createHmac('sha1', SECRET).update(raw).digest('hex')}` })).toBe(false);
    expect(verify({ 'x-hub-signature-256': sign(raw, '') }, raw, '')).toBe(false);
  });

  it('answers the subscription handshake only with the verify token', () => {
    const query = { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1158201444' };
    expect(answerMetaSubscription(query, 'tok')).toBe('1158201444');
    expect(answerMetaSubscription({ ...query, 'hub.verify_token': 'nope' }, 'tok')).toBeUndefined();
    expect(answerMetaSubscription({ ...query, 'hub.mode': 'unsubscribe' }, 'tok')).toBeUndefined();
    expect(answerMetaSubscription(query, '')).toBeUndefined();
  });
});

describe('Meta webhook events', () => {
  it('reads Page comments (remove → gone), replies and Messenger messages, grouped by Page', () => {
    const pushed = facebookHook.parse(pageBody);
    expect(pushed.map((group) => group.accountExternalId)).toEqual(['101', '202']);
    const items = pushed[0]?.items ?? [];
    expect(items.map((item) => item.remoteId)).toEqual(['1_c1', '1_r1', '1_c9', 'm_1', 'm_2', 'm_4']);
    expect(items[0]).toMatchObject({
      kind: 'comment',
      conversationKey: '1_c1',
      parentRemoteId: null,
      postRemoteId: '101_1',
      author: { id: 'user-1', displayName: 'User One' },
      text: 'Open on Sunday?',
      createdAt: new Date(1_765_000_000_000),
      fromAccount: false,
    });
    expect(items[1]).toMatchObject({
      kind: 'reply',
      conversationKey: '1_c1',
      parentRemoteId: '1_c1',
      postRemoteId: '77',
      fromAccount: true,
    });
    expect(items[2]).toMatchObject({ remoteId: '1_c9', gone: true });
    expect(items[3]).toMatchObject({
      kind: 'message',
      conversationKey: 'psid-1',
      fromAccount: false,
      createdAt: new Date(1_765_000_100_000),
      meta: { recipientId: 'psid-1' },
    });
    expect(items[4]).toMatchObject({ conversationKey: 'psid-1', fromAccount: true });
  });

  it('reads Instagram comments, replies and direct messages (unsent → gone), skipping mentions', () => {
    const body = {
      object: 'instagram',
      entry: [
        {
          id: '17841400000000001',
          time: 1_765_000_000,
          changes: [
            {
              field: 'comments',
              value: {
                id: 'c1',
                text: 'Nice',
                from: { id: 'igsid-1', username: 'fan.1' },
                media: { id: '1801', media_product_type: 'FEED' },
              },
            },
            {
              field: 'comments',
              value: {
                id: 'r1',
                text: 'Thanks',
                parent_id: 'c1',
                from: { id: '17841400000000001', username: 'bakery.ig' },
                media: { id: '1801' },
              },
            },
            { field: 'mentions', value: { media_id: '999', comment_id: '888' } },
          ],
          messaging: [
            {
              sender: { id: 'igsid-1' },
              recipient: { id: '17841400000000001' },
              timestamp: 1_765_000_100_000,
              message: { mid: 'aWdf1', text: 'Do you ship?' },
            },
            {
              sender: { id: 'igsid-1' },
              recipient: { id: '17841400000000001' },
              timestamp: 1_765_000_200_000,
              message: { mid: 'aWdf0', is_deleted: true },
            },
          ],
        },
      ],
    };
    const [group, ...rest] = instagramHook.parse(body);
    expect(rest).toEqual([]);
    expect(group?.accountExternalId).toBe('17841400000000001');
    expect(group?.items.map((item) => [item.remoteId, item.kind])).toEqual([
      ['c1', 'comment'],
      ['r1', 'reply'],
      ['aWdf1', 'message'],
      ['aWdf0', 'message'],
    ]);
    expect(group?.items[0]).toMatchObject({
      conversationKey: 'c1',
      postRemoteId: '1801',
      author: { handle: 'fan.1' },
      createdAt: new Date(1_765_000_000_000),
    });
    expect(group?.items[1]).toMatchObject({ conversationKey: 'c1', parentRemoteId: 'c1', fromAccount: true });
    expect(group?.items[3]?.gone).toBe(true);
  });

  it('ignores bodies of another object, unreadable bodies and unreadable entries', () => {
    expect(facebookHook.parse({ ...pageBody, object: 'instagram' })).toEqual([]);
    expect(instagramHook.parse(pageBody)).toEqual([]);
    for (const body of [null, 'text', 42, {}, { object: 'page' }, { object: 'page', entry: 'x' }])
      expect(facebookHook.parse(body)).toEqual([]);
    expect(
      facebookHook.parse({
        object: 'page',
        entry: [null, { id: '101', changes: [{ field: 'feed', value: { item: 'comment' } }] }],
      }),
    ).toEqual([]);
  });
});
