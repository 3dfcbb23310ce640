import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '@plume/testing/free-port';
import { isProviderError, RateLimited } from '../provider-errors.ts';
import { MalformedResponse } from '../shared/network-call.ts';
import { telegramProvider } from './provider.ts';
import {
  CHANNEL_ID,
  startTelegramTestBed,
  telegramRequest,
  testMedia,
  type TelegramTestBed,
} from './test-support/telegram-test-bed.ts';
import { PartlyPublished } from '../shared/partly-published.ts';

let bed: TelegramTestBed;

beforeEach(async () => {
  bed = await startTelegramTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

const publishText = () =>
  telegramProvider.publish(bed.context, bed.account, telegramRequest([{ text: 'Hello', media: [] }]));
const failure = (status: number, description: string, parameters?: Record<string, unknown>) => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters === undefined ? {} : { parameters }) },
});

describe('Telegram error mapping', () => {
  it('maps 401 Unauthorized to AuthExpired', async () => {
    bed.fake.server.failNext(failure(401, 'Unauthorized'));
    await expect(publishText()).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('maps 403 to Permanent with the reason in plain words', async () => {
    bed.fake.server.failNext(failure(403, 'Forbidden: bot was kicked from the channel chat'));
    await expect(publishText()).rejects.toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('Add it back as an administrator'),
      vendorCode: 'Forbidden: bot was kicked from the channel chat',
    });
  });

  it('maps 429 to RateLimited for parameters.retry_after seconds', async () => {
    bed.fake.server.failNext(failure(429, 'Too Many Requests: retry after 17', { retry_after: 17 }));
    const error: unknown = await publishText().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimited);
    expect(error).toMatchObject({ retryAfterMs: 17_000, scope: 'account' });
    expect(bed.fake.messagesIn(CHANNEL_ID)).toEqual([]);
  });

  it('maps 5xx to Retryable', async () => {
    bed.fake.server.failNext(failure(502, 'Bad Gateway'));
    await expect(publishText()).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('says how to fix a group that became a supergroup', async () => {
    bed.fake.server.failNext(
      failure(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: -1001111 }),
    );
    await expect(publishText()).rejects.toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('supergroup'),
    });
  });

  it('leaves a malformed 2xx answer to a send untyped (outcome unknown)', async () => {
    bed.fake.server.malformNext();
    const error: unknown = await publishText().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedResponse);
    expect(bed.fake.messagesIn(CHANNEL_ID)).toHaveLength(1);
  });

  it('treats a 2xx that is not {ok: true} as unreadable too', async () => {
    bed.fake.server.failNext({ status: 200, body: { ok: true } });
    await expect(publishText()).rejects.toBeInstanceOf(MalformedResponse);
  });

  it('leaves a connection dropped after the send was received untyped (outcome unknown)', async () => {
    bed.fake.server.dropNext();
    const error: unknown = await telegramProvider
      .publish(bed.context, bed.account, telegramRequest([{ text: 'pic', media: [testMedia()] }]))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(isProviderError(error)).toBe(false);
    expect(bed.fake.messagesIn(CHANNEL_ID)).toHaveLength(1);
  });

  it('maps connection refused to Retryable', async () => {
    const context = {
      ...bed.context,
      endpoints: { ...bed.context.endpoints, api: `http://127.0.0.1:${await freePort()}` },
    };
    await expect(
      telegramProvider.publish(context, bed.account, telegramRequest([{ text: 'x', media: [] }])),
    ).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('reports a thread that failed after its first message as partly published, never retried into a duplicate', async () => {
    let sends = 0;
    bed.fake.server.failNext({ ...failure(500, 'Internal Server Error'), match: () => ++sends === 2 });
    const request = telegramRequest([
      { text: 'one', media: [] },
      { text: 'two', media: [] },
    ]);
    const error = await telegramProvider.publish(bed.context, bed.account, request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartlyPublished);
    expect((error as PartlyPublished).published).toMatchObject({ remoteId: expect.any(String), extra: [] });
    expect(bed.fake.messagesIn(CHANNEL_ID)).toHaveLength(1);
  });

  it('makes unreadable answers to reads Retryable', async () => {
    bed.fake.server.malformNext();
    await expect(telegramProvider.health(bed.context, bed.account)).rejects.toMatchObject({ kind: 'retryable' });
  });
});
