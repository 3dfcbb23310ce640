import { describe, expect, it } from 'vitest';
import type { Account } from '@plume/contract/accounts/account-schemas';
import type { Post, PostTarget } from '@plume/contract/posts/post-schemas';
import { accountProblems, attentionReason, latestPublished, soonestFirst } from './dashboard-summary.ts';

const target = (changes: Partial<PostTarget>): PostTarget => ({
  id: 't',
  accountId: 'a',
  network: 'bluesky',
  accountHandle: 'ada.test',
  accountName: 'Ada',
  state: 'published',
  remoteId: null,
  remoteUrl: null,
  failureKind: null,
  failureReason: null,
  attempts: 0,
  nextAttemptAt: null,
  publishedAt: null,
  override: {},
  settings: {},
  ...changes,
});
const post = (id: string, changes: Partial<Post>): Post => ({
  id,
  state: 'scheduled',
  content: { text: id, mediaIds: [], thread: [], hashtags: [] },
  scheduledAt: null,
  version: 1,
  reviewNote: null,
  approvedAt: null,
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
  targets: [],
  actions: [],
  ...changes,
});
const account = (changes: Partial<Account>): Account => ({
  id: 'a',
  network: 'bluesky',
  externalId: 'did',
  handle: 'ada.test',
  displayName: 'Ada',
  kind: 'profile',
  avatarUrl: null,
  profileUrl: null,
  status: 'connected',
  disconnectedReason: null,
  tokenExpiresAt: null,
  lastRefreshedAt: null,
  healthCheckedAt: null,
  healthError: null,
  metricsError: null,
  rateLimitedUntil: null,
  createdAt: '2030-01-01T00:00:00Z',
  ...changes,
});
const now = new Date('2030-07-01T12:00:00Z');

describe('dashboard summary', () => {
  it('lists the next posts soonest first, and the latest published by when they went out', () => {
    const later = post('later', { scheduledAt: '2030-07-03T09:00:00Z' });
    const sooner = post('sooner', { scheduledAt: '2030-07-02T09:00:00Z' });
    expect(soonestFirst([later, sooner, post('no time', {})], 5).map((p) => p.id)).toEqual(['sooner', 'later']);
    const old = post('old', { state: 'published', targets: [target({ publishedAt: '2030-06-01T09:00:00Z' })] });
    const fresh = post('fresh', { state: 'published', targets: [target({ publishedAt: '2030-06-30T09:00:00Z' })] });
    expect(latestPublished([old, fresh], 1).map((p) => p.id)).toEqual(['fresh']);
  });

  it('says why a post needs attention in the words of its failed target', () => {
    expect(
      attentionReason(
        post('f', {
          state: 'failed',
          targets: [target({ state: 'failed', failureReason: 'Bluesky refused the image.' })],
        }),
      ),
    ).toBe('Bluesky refused the image.');
    expect(attentionReason(post('u', { state: 'unconfirmed', targets: [target({ state: 'unconfirmed' })] }))).toContain(
      'check the account, then confirm',
    );
  });

  it('flags disconnected, expired, failing, rate-limited and unmeasured accounts, and leaves healthy ones alone', () => {
    const problems = accountProblems(
      [
        account({ id: 'ok', tokenExpiresAt: '2030-07-01T13:00:00Z' }),
        account({ id: 'gone', status: 'disconnected', disconnectedReason: 'The app password was revoked.' }),
        account({ id: 'expired', tokenExpiresAt: '2030-07-01T11:00:00Z' }),
        account({ id: 'sick', healthError: 'Bluesky did not answer.' }),
        account({ id: 'slow', rateLimitedUntil: '2030-07-01T12:30:00Z' }),
        account({ id: 'was slow', rateLimitedUntil: '2030-07-01T11:30:00Z' }),
        account({ id: 'unmeasured', metricsError: "Facebook refuses this account's metrics. …" }),
      ],
      now,
    );
    expect(problems.map((item) => [item.account.id, item.problem])).toEqual([
      ['gone', 'Disconnected: The app password was revoked. Reconnect it so its posts can go out.'],
      ['expired', 'Its access expired and Plume could not renew it. Reconnect it.'],
      ['sick', 'Last check failed: Bluesky did not answer.'],
      ['slow', 'The network asked Plume to slow down; posts wait until the limit ends.'],
      ['unmeasured', "Facebook refuses this account's metrics. …"],
    ]);
  });
});
