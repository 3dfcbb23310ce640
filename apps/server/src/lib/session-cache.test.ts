import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Principal } from './principal.ts';
import { SessionCache } from './session-cache.ts';

const ann: Principal = {
  kind: 'user',
  userId: 'u1',
  name: 'Ann',
  email: 'ann@example.test',
  emailVerified: true,
  isInstanceAdmin: false,
};

afterEach(() => vi.useRealTimers());

describe('SessionCache', () => {
  it('remembers a signed-in principal until its time to live runs out', () => {
    vi.useFakeTimers();
    const cache = new SessionCache(1_000);
    const key = SessionCache.keyOf('Bearer token-a');
    cache.set(key, ann);
    expect(cache.get(key)).toEqual(ann);
    vi.advanceTimersByTime(1_001);
    expect(cache.get(key)).toBeUndefined();
  });

  it('never remembers "no session", so a fresh sign-in is seen at once', () => {
    const cache = new SessionCache();
    const key = SessionCache.keyOf('Bearer unknown');
    cache.set(key, null);
    expect(cache.get(key)).toBeUndefined();
  });

  it('forgets everything on clear and keeps at most maxEntries', () => {
    const cache = new SessionCache(60_000, 2);
    const keys = ['a', 'b', 'c'].map((credential) => SessionCache.keyOf(credential));
    for (const key of keys) cache.set(key, ann);
    expect(cache.get(keys[0] ?? '')).toBeUndefined();
    expect(cache.get(keys[2] ?? '')).toEqual(ann);
    cache.clear();
    expect(cache.get(keys[2] ?? '')).toBeUndefined();
  });

  it('keys by a hash, never by the credential itself', () => {
    expect(SessionCache.keyOf('Bearer secret-token')).not.toContain('secret-token');
  });
});
