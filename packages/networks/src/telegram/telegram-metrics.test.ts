/** Telegram's one metric (the chat's member count) against the Bot API fake over real HTTP. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectionOf } from '@plume/testing/rejection-of';
import { AuthExpired, Permanent, RateLimited, Retryable } from '../provider-errors.ts';
import { telegramProvider } from './provider.ts';
import { CHANNEL_ID, startTelegramTestBed, type TelegramTestBed } from './test-support/telegram-test-bed.ts';

let bed: TelegramTestBed;

beforeEach(async () => {
  bed = await startTelegramTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

const read = () => telegramProvider.getAccountMetrics!(bed.context, bed.account);
const failure = (status: number, description: string, parameters?: Record<string, unknown>) => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters === undefined ? {} : { parameters }) },
});

describe('Telegram getAccountMetrics', () => {
  it('reads the channel’s subscriber count as followers; no post metrics are claimed', async () => {
    bed.fake.state.chats.find((chat) => chat.id === CHANNEL_ID)!.memberCount = 4321;

    expect(await read()).toEqual({ followers: 4321 });
    const request = bed.fake.server.requests.find((entry) => entry.path.endsWith('/getChatMemberCount'));
    expect(request?.body).toEqual({ chat_id: String(CHANNEL_ID) });
    expect(telegramProvider.manifest.analytics.post).toBeNull();
    expect(telegramProvider.getPostMetrics).toBeUndefined();
  });

  it('maps 401, 429 retry_after, 403 and 5xx to the typed errors', async () => {
    bed.fake.server.failNext(failure(401, 'Unauthorized'));
    await rejectionOf(read(), AuthExpired);

    bed.fake.server.failNext(failure(429, 'Too Many Requests: retry after 7', { retry_after: 7 }));
    expect((await rejectionOf(read(), RateLimited)).retryAfterMs).toBe(7000);

    bed.fake.server.failNext(failure(403, 'Forbidden: bot was kicked from the channel chat'));
    await rejectionOf(read(), Permanent);

    bed.fake.server.failNext(failure(502, 'Bad Gateway'));
    await rejectionOf(read(), Retryable);
  });
});
