import { createHash } from 'node:crypto';
import type { Principal } from './principal.ts';

type Entry = { principal: Principal | null; expiresAt: number };

/**
 * A short-lived, per-process memo of "this session credential belongs to this user". Resolving a
 * better-auth session costs about half of an authenticated read's CPU; most clients send many requests
 * with the same credential within seconds. Trade-off, on purpose: a session ended on another replica
 * stays usable here for at most `ttlMs`. Auth changes made through this process clear it at once.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(ttlMs = 5_000, maxEntries = 10_000) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
  }

  static keyOf(credential: string): string {
    return createHash('sha256').update(credential).digest('base64url');
  }

  get(key: string): Principal | null | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.principal;
  }

  set(key: string, principal: Principal | null): void {
    // Only signed-in answers are kept: a "no session" must not hide a sign-in that just happened.
    if (!principal) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { principal, expiresAt: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }
}
