/** Channel comments from the discussion group through bot updates, replies and deletes, against the fake Bot API. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectionOf } from '@plume/testing/rejection-of';
import type { InboxItemReading, InboxItemRef } from '../inbox-contract.ts';
import { AuthExpired, Permanent, RateLimited, Retryable } from '../provider-errors.ts';
import { telegramProvider as provider } from './provider.ts';
import { CHANNEL_ID, startTelegramTestBed, type TelegramTestBed } from './test-support/telegram-test-bed.ts';

const GROUP = -1003333333333;
const ana = { id: 501, first_name: 'Ana', last_name: 'Lee', username: 'ana_l' };
const ben = { id: 502, first_name: 'Ben' };
let bed: TelegramTestBed;

beforeEach(async () => {
  bed = await startTelegramTestBed();
});
afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

const list = (cursor: string | null, limit = 100) => provider.listInbox!(bed.context, bed.account, { cursor, limit });
const calls = (method: string) => bed.fake.server.requests.filter((request) => request.path.endsWith(`/${method}`));
const refOf = (item: InboxItemReading): InboxItemRef => ({
  remoteId: item.remoteId,
  kind: item.kind,
  conversationKey: item.conversationKey,
  parentRemoteId: item.parentRemoteId,
  postRemoteId: item.postRemoteId,
  authorId: item.author.id,
  meta: item.meta,
});

function comment(postId: number, text: string, from = ana): { forward: number; id: number } {
  const forward = bed.fake.forwardToDiscussion(CHANNEL_ID, postId);
  return { forward, id: bed.fake.writeInDiscussion({ groupId: GROUP, replyTo: forward, text, from }) };
}

describe('Telegram listInbox', () => {
  it('reads comments on channel posts and replies under them, with the post and the top-level comment', async () => {
    const { id: first } = comment(42, 'Great post!');
    const reply = bed.fake.writeInDiscussion({ groupId: GROUP, replyTo: first, text: 'Agreed', from: ben });
    const deeper = bed.fake.writeInDiscussion({ groupId: GROUP, replyTo: reply, text: 'Same', from: ana });

    const page = await list(null);

    expect(
      page.items.map((item) => [
        item.remoteId,
        item.kind,
        item.conversationKey,
        item.parentRemoteId,
        item.postRemoteId,
      ]),
    ).toEqual([
      [`${GROUP}:${first}`, 'comment', `${GROUP}:${first}`, null, '42'],
      [`${GROUP}:${reply}`, 'reply', `${GROUP}:${first}`, `${GROUP}:${first}`, '42'],
      [`${GROUP}:${deeper}`, 'reply', `${GROUP}:${first}`, `${GROUP}:${reply}`, '42'],
    ]);
    expect(page.items[0]).toMatchObject({
      author: { id: '501', handle: '@ana_l', displayName: 'Ana Lee', profileUrl: 'https://t.me/ana_l' },
      text: 'Great post!',
      url: `https://t.me/plume_news/42?comment=${first}`,
      fromAccount: false,
      meta: { chatId: String(GROUP), messageId: String(first) },
    });
    expect(page.more).toBe(false);
    expect(calls('getChat')).toHaveLength(1);
    expect(calls('getUpdates')[0]?.body).toEqual({ limit: 100, timeout: 0, allowed_updates: ['message'] });
  });

  it('the cursor confirms what was read: the next read gets only new updates, and thread memory carries over', async () => {
    const { id: first } = comment(42, 'Hello');
    const page = await list(null);
    expect(page.items.map((item) => item.remoteId)).toEqual([`${GROUP}:${first}`]);

    expect((await list(page.cursor)).items).toEqual([]);
    const reply = bed.fake.writeInDiscussion({ groupId: GROUP, replyTo: first, text: 'Later reply', from: ben });
    const deeper = bed.fake.writeInDiscussion({ groupId: GROUP, replyTo: reply, text: 'Deeper', from: ana });
    const next = await list(page.cursor);
    expect(next.items.map((item) => [item.remoteId, item.conversationKey, item.postRemoteId])).toEqual([
      [`${GROUP}:${reply}`, `${GROUP}:${first}`, '42'],
      [`${GROUP}:${deeper}`, `${GROUP}:${first}`, '42'],
    ]);
    const lastCall = calls('getUpdates').at(-1)?.body as { offset: number };
    expect(lastCall.offset).toBeGreaterThan(9000);
    // The discussion group was learned once and kept in the cursor.
    expect(calls('getChat')).toHaveLength(1);
  });

  it('pages through 230 comments with `limit` 100: full pages say more, nothing is read twice', async () => {
    const forward = bed.fake.forwardToDiscussion(CHANNEL_ID, 7);
    const ids = Array.from({ length: 230 }, (_, index) =>
      bed.fake.writeInDiscussion({ groupId: GROUP, replyTo: forward, text: `c${index}`, from: ana }),
    );
    const seen: string[] = [];
    const mores: boolean[] = [];
    let cursor: string | null = null;
    for (let read = 0; read < 3; read += 1) {
      const page = await list(cursor, 100);
      seen.push(...page.items.map((item) => item.remoteId));
      mores.push(page.more);
      cursor = page.cursor;
    }
    expect(seen).toEqual(ids.map((id) => `${GROUP}:${id}`));
    expect(mores).toEqual([true, true, false]);
  });

  it('skips group chatter outside comment threads and updates from other chats', async () => {
    comment(42, 'A comment');
    bed.fake.state.discussion.updates.push({
      update_id: 99_999,
      message: { message_id: 5, date: 1, chat: { id: -1004444444444, type: 'supergroup' }, text: 'elsewhere' },
    });
    expect((await list(null)).items.map((item) => item.text)).toEqual(['A comment']);
  });

  it('says in plain words when the channel has no discussion group or another program holds a webhook', async () => {
    bed.fake.state.chats[0]!.linkedChatId = undefined;
    expect((await rejectionOf(list(null), Permanent)).reason).toMatch(/no discussion group/);
    bed.fake.state.chats[0]!.linkedChatId = GROUP;
    bed.fake.state.discussion.webhookSet = true;
    expect((await rejectionOf(list(null), Permanent)).reason).toMatch(/webhook/);
  });

  it('maps 401, 403, 429 and 5xx to the typed errors', async () => {
    const isUpdates = (request: { path: string }) => request.path.endsWith('/getUpdates');
    const page = await list(null);
    bed.fake.server.failNext({
      status: 401,
      match: isUpdates,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    await rejectionOf(list(page.cursor), AuthExpired);
    bed.fake.server.failNext({
      status: 403,
      match: isUpdates,
      body: { ok: false, error_code: 403, description: 'Forbidden: bot was kicked from the supergroup chat' },
    });
    await rejectionOf(list(page.cursor), Permanent);
    bed.fake.server.failNext({
      status: 429,
      match: isUpdates,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 7',
        parameters: { retry_after: 7 },
      },
    });
    expect((await rejectionOf(list(page.cursor), RateLimited)).retryAfterMs).toBe(7000);
    bed.fake.server.failNext({ status: 502, match: isUpdates, body: 'Bad Gateway' });
    await rejectionOf(list(page.cursor), Retryable);
  });
});

describe('Telegram replyToInbox and moderateInbox', () => {
  it('replies in the discussion group with reply_parameters pointing at the comment', async () => {
    const { id } = comment(42, 'Question?');
    const [item] = (await list(null)).items;

    const sent = await provider.replyToInbox!(bed.context, bed.account, {
      item: refOf(item!),
      text: 'Answer!',
      idempotencyKey: 'k',
    });

    expect(calls('sendMessage')[0]?.body).toEqual({
      chat_id: String(GROUP),
      text: 'Answer!',
      reply_parameters: { message_id: id },
    });
    const [stored] = bed.fake.messagesIn(GROUP).filter((message) => message.method === 'sendMessage');
    expect(stored).toMatchObject({ text: 'Answer!', replyTo: id });
    expect(sent).toEqual({
      remoteId: `${GROUP}:${stored!.messageId}`,
      url: `https://t.me/plume_news/42?comment=${stored!.messageId}`,
    });
  });

  it('deletes a comment (again succeeds); without the delete right Telegram’s refusal is plain; hide is refused', async () => {
    const { id } = comment(42, 'Spam!');
    const [item] = (await list(null)).items;

    await provider.moderateInbox!(bed.context, bed.account, { item: refOf(item!), action: 'delete' });
    expect(bed.fake.messagesIn(GROUP).some((message) => message.messageId === id)).toBe(false);
    await provider.moderateInbox!(bed.context, bed.account, { item: refOf(item!), action: 'delete' });

    bed.fake.state.chats[1]!.bot.can_delete_messages = false;
    const refused = await rejectionOf(
      provider.moderateInbox!(bed.context, bed.account, { item: refOf(item!), action: 'delete' }),
      Permanent,
    );
    expect(refused.reason).toMatch(/delete/);
    await rejectionOf(
      provider.moderateInbox!(bed.context, bed.account, { item: refOf(item!), action: 'hide' }),
      Permanent,
    );
  });
});
