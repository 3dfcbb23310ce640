import { describe, expect, it } from 'vitest';
import type { RateLimitRule } from '@plume/networks/contract';
import { limitKeyOf, type LimitKey } from './limit-key.ts';
import { createNetworkLimiter, type CallLimits } from './network-limiter.ts';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** A clock that only moves when the limiter sleeps: waits are recorded, never spent. */
function fakeClock() {
  const clock = { at: 1_000_000, slept: [] as number[] };
  return {
    clock,
    now: () => clock.at,
    sleep: (ms: number) => {
      clock.slept.push(ms);
      clock.at += ms;
      return Promise.resolve();
    },
  };
}

const serverA: LimitKey = { network: 'mastodon', host: 'a.example', app: '-' };
const serverB: LimitKey = { network: 'mastodon', host: 'b.example', app: '-' };

function limits(key: LimitKey, extra: Partial<CallLimits> = {}): CallLimits {
  return { key, account: 'acct-1', operation: 'publish', concurrency: 1, rules: [], ...extra };
}

describe('limitKeyOf', () => {
  it('keys a Mastodon account by its own server and other networks by their API host and app', () => {
    const mastodon = limitKeyOf('mastodon', { endpoints: {} }, { instanceUrl: 'https://Social.Example/' });
    expect(mastodon).toEqual({ network: 'mastodon', host: 'social.example', app: '-' });
    const x = limitKeyOf(
      'x',
      { endpoints: { api: 'http://127.0.0.1:4100/2' }, app: { clientId: 'app-1', clientSecret: 's' } },
      {},
    );
    expect(x).toEqual({ network: 'x', host: '127.0.0.1:4100', app: 'app-1' });
    expect(
      limitKeyOf('bluesky', { endpoints: { api: 'https://bsky.social' } }, { pdsUrl: 'https://pds.example' }).host,
    ).toBe('pds.example');
  });
});

describe('network limiter', () => {
  it('lets calls to one server go on while another server is slow', async () => {
    const limiter = createNetworkLimiter();
    const slow = deferred();
    const order: string[] = [];
    const slowCall = limiter.call(limits(serverA), async () => {
      order.push('a1 started');
      await slow.promise;
      order.push('a1 done');
    });
    const secondOnA = limiter.call(limits(serverA), async () => {
      order.push('a2 started');
    });
    await limiter.call(limits(serverB), async () => {
      order.push('b1 started');
    });
    // Server B's call finished while A's only slot is still held and A's second call waits for it.
    expect(order).toEqual(['a1 started', 'b1 started']);
    slow.resolve();
    await Promise.all([slowCall, secondOnA]);
    expect(order).toEqual(['a1 started', 'b1 started', 'a1 done', 'a2 started']);
  });

  it('counts publish and read calls in separate slots', async () => {
    const limiter = createNetworkLimiter();
    const slow = deferred();
    const publishing = limiter.call(limits(serverA), () => slow.promise);
    let read = false;
    await limiter.call(limits(serverA, { operation: 'read' }), async () => {
      read = true;
    });
    expect(read).toBe(true);
    slow.resolve();
    await publishing;
  });

  it('keeps an app-wide rule across accounts of one host and apart from other hosts', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = createNetworkLimiter({ now, sleep });
    const rules: RateLimitRule[] = [{ scope: 'app', operation: 'any', limit: 2, windowSec: 60 }];
    const run = (key: LimitKey, account: string) =>
      limiter.call(limits(key, { account, rules, concurrency: 4 }), async () => undefined);
    await run(serverA, 'acct-1');
    await run(serverA, 'acct-2');
    await run(serverB, 'acct-3');
    expect(clock.slept).toEqual([]);
    // The third call on server A waits for the bucket to refill one call: 60 s ÷ 2.
    await run(serverA, 'acct-4');
    expect(clock.slept).toEqual([30_000]);
  });

  it('counts account rules per account and only for the operations they name', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = createNetworkLimiter({ now, sleep });
    const rules: RateLimitRule[] = [{ scope: 'account', operation: 'publish', limit: 1, windowSec: 10 }];
    const run = (account: string, operation: 'publish' | 'read') =>
      limiter.call(limits(serverA, { account, operation, rules }), async () => undefined);
    await run('acct-1', 'publish');
    await run('acct-2', 'publish');
    await run('acct-1', 'read');
    expect(clock.slept).toEqual([]);
    await run('acct-1', 'publish');
    expect(clock.slept).toEqual([10_000]);
  });

  it("pauses only the host and app a 429's Retry-After came from", async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = createNetworkLimiter({ now, sleep });
    limiter.pause({ key: serverA }, clock.at + 5_000);
    await limiter.call(limits(serverB), async () => undefined);
    expect(clock.slept).toEqual([]);
    await limiter.call(limits(serverA), async () => undefined);
    expect(clock.slept).toEqual([5_000]);
    // An account's pause holds back that account only.
    limiter.pause({ key: serverA, account: 'acct-9' }, clock.at + 2_000);
    await limiter.call(limits(serverA, { account: 'acct-1' }), async () => undefined);
    expect(clock.slept).toEqual([5_000]);
    await limiter.call(limits(serverA, { account: 'acct-9' }), async () => undefined);
    expect(clock.slept).toEqual([5_000, 2_000]);
  });

  it('keeps the plain run(key, limit, task) cap', async () => {
    const limiter = createNetworkLimiter();
    let inFlight = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        limiter.run('mastodon', 2, async () => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setImmediate(resolve));
          inFlight -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
  });
});
