/**
 * Keeps this process's calls within each network host's and app's limits (docs/publishing.md, "Limits"):
 * - at most the manifest's `publishConcurrency` calls in flight per network + host + app, counted
 *   apart for publish and read calls, so metrics reads never take publishing's slots;
 * - the manifest's `rateLimits`, each a token bucket (`limit` calls per `windowSec`, refilled evenly)
 *   per account (`scope: 'account'`) or per host + app (`scope: 'app'`), for the operations it names;
 * - pauses: a 429's Retry-After holds back that host + app (or that account) only.
 * A slow or throttled Mastodon server therefore never holds back another server's calls.
 */
import { setTimeout as sleepMs } from 'node:timers/promises';
import type { RateLimitRule } from '@plume/networks/contract';
import { limitKeyString, type LimitKey } from './limit-key.ts';

export type CallOperation = 'publish' | 'read';

export interface CallLimits {
  key: LimitKey;
  /** The account the call is made for: account-scoped rules and pauses count per account. */
  account: string;
  operation: CallOperation;
  /** Calls in flight at most for this host + app and operation (the manifest's `publishConcurrency`). */
  concurrency: number;
  rules: readonly RateLimitRule[];
}

export interface NetworkLimiter {
  /** Runs `task` with at most `limit` tasks of the same `key` in flight (a plain concurrency cap). */
  run<T>(key: string, limit: number, task: () => Promise<T>): Promise<T>;
  /** Runs one network call once its host's, app's and account's limits allow it. */
  call<T>(limits: CallLimits, task: () => Promise<T>): Promise<T>;
  /** Holds back calls of this host + app (or only this account's, when given) until `untilMs`. */
  pause(target: { key: LimitKey; account?: string }, untilMs: number): void;
}

type Bucket = { tokens: number; atMs: number };
type Slots = { active: number; waiting: (() => void)[] };

export function createNetworkLimiter(
  clock: { now: () => number; sleep: (ms: number) => Promise<void> } = {
    now: Date.now,
    sleep: (ms) => sleepMs(ms),
  },
): NetworkLimiter {
  const slots = new Map<string, Slots>();
  const buckets = new Map<string, Bucket>();
  const pauses = new Map<string, number>();

  async function withSlot<T>(key: string, limit: number, task: () => Promise<T>): Promise<T> {
    let entry = slots.get(key);
    if (entry === undefined) slots.set(key, (entry = { active: 0, waiting: [] }));
    const held = entry;
    if (held.active < limit) held.active += 1;
    else await new Promise<void>((resolve) => held.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = held.waiting.shift();
      if (next !== undefined) next();
      else if (--held.active === 0) slots.delete(key);
    }
  }

  /** Milliseconds until every applicable bucket has a token; 0 when they all do. */
  function bucketWait(entries: readonly { id: string; rule: RateLimitRule }[], now: number): number {
    let wait = 0;
    for (const { id, rule } of entries) {
      const perTokenMs = (rule.windowSec * 1000) / rule.limit;
      const bucket = buckets.get(id) ?? { tokens: rule.limit, atMs: now };
      const tokens = Math.min(rule.limit, bucket.tokens + (now - bucket.atMs) / perTokenMs);
      buckets.set(id, { tokens, atMs: now });
      if (tokens < 1) wait = Math.max(wait, Math.ceil((1 - tokens) * perTokenMs));
    }
    return wait;
  }

  async function admit(limits: CallLimits): Promise<void> {
    const hostApp = `${limits.key.network} ${limitKeyString(limits.key)}`;
    const accountKey = `${hostApp} ${limits.account}`;
    const entries = limits.rules
      .map((rule, index) => ({ rule, index }))
      .filter(({ rule }) => rule.limit > 0 && (rule.operation === 'any' || rule.operation === limits.operation))
      .map(({ rule, index }) => ({ rule, id: `${rule.scope === 'app' ? hostApp : accountKey} #${index}` }));
    for (;;) {
      const now = clock.now();
      const paused = Math.max(pauses.get(hostApp) ?? 0, pauses.get(accountKey) ?? 0) - now;
      const wait = Math.max(paused, bucketWait(entries, now));
      if (wait <= 0) break;
      await clock.sleep(wait);
    }
    for (const { id } of entries) {
      const bucket = buckets.get(id);
      if (bucket !== undefined) bucket.tokens -= 1;
    }
    for (const key of [hostApp, accountKey]) {
      const until = pauses.get(key);
      if (until !== undefined && until <= clock.now()) pauses.delete(key);
    }
  }

  return {
    run: withSlot,
    async call(limits, task) {
      await admit(limits);
      const slotKey = `${limits.key.network} ${limitKeyString(limits.key)} ${limits.operation}`;
      return withSlot(slotKey, Math.max(1, limits.concurrency), task);
    },
    pause(target, untilMs) {
      const hostApp = `${target.key.network} ${limitKeyString(target.key)}`;
      const key = target.account === undefined ? hostApp : `${hostApp} ${target.account}`;
      pauses.set(key, Math.max(untilMs, pauses.get(key) ?? 0));
    },
  };
}
