/**
 * Read budgets for analytics calls, from the manifest's rate limits (rules for `read` or `any`
 * operations, per account and per app), kept in analytics_read_limits so every worker shares them and a
 * restart does not forget a wait the network asked for. A rule that covers every call (`any`) is
 * shared with publishing: analytics takes at most half of it. Keys include the host, so two Mastodon
 * servers never share a budget.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import type { NetworkManifest } from '@plume/networks/contract';

export type ReadRule = { key: string; limit: number; windowSec: number };

/** The host an account's calls go to: its own server for federated networks, else the API's. */
export function hostOf(manifest: NetworkManifest, metadata: Readonly<Record<string, string>>): string {
  const base = metadata['instanceUrl'] ?? manifest.endpoints['api'] ?? Object.values(manifest.endpoints)[0];
  try {
    return base === undefined ? manifest.id : new URL(base).host;
  } catch {
    return manifest.id;
  }
}

/** The account's and the app's keys, each with the manifest's read limit (unlimited where it has none). */
export function readRulesOf(manifest: NetworkManifest, host: string, accountId: string): ReadRule[] {
  const keys = { account: `${manifest.id}:${host}:account:${accountId}`, app: `${manifest.id}:${host}:app` };
  const rules = manifest.rateLimits
    .filter((rule) => rule.operation === 'read' || rule.operation === 'any')
    .map((rule) => ({
      key: keys[rule.scope],
      limit: Math.max(1, rule.operation === 'any' ? Math.floor(rule.limit / 2) : rule.limit),
      windowSec: rule.windowSec,
    }));
  // Both keys are always checked: a 429 may put either scope on hold even where no limit is declared.
  for (const key of Object.values(keys))
    if (!rules.some((rule) => rule.key === key)) rules.push({ key, limit: 2_000_000_000, windowSec: 60 });
  return rules;
}

/**
 * Takes `calls` from every rule's budget. Returns null when granted, else when to try again (the end
 * of the window, or the network's own wait). A rule granted before a later one refuses keeps its count:
 * erring on the slow side.
 */
export async function takeReadBudget(db: Database, rules: readonly ReadRule[], calls = 1): Promise<Date | null> {
  for (const rule of rules) {
    const taken = await db.execute<{ key: string }>(sql`
      INSERT INTO analytics_read_limits AS r (key, window_started_at, calls) VALUES (${rule.key}, now(), ${calls})
      ON CONFLICT (key) DO UPDATE SET
        calls = CASE WHEN r.window_started_at + make_interval(secs => ${rule.windowSec}) <= now() THEN ${calls} ELSE r.calls + ${calls} END,
        window_started_at = CASE WHEN r.window_started_at + make_interval(secs => ${rule.windowSec}) <= now() THEN now() ELSE r.window_started_at END
      WHERE (r.limited_until IS NULL OR r.limited_until <= now())
        AND (r.window_started_at + make_interval(secs => ${rule.windowSec}) <= now() OR r.calls + ${calls} <= ${rule.limit})
      RETURNING key`);
    if (taken.rows.length > 0) continue;
    const wait = await db.execute<{ until: Date | string }>(sql`
      SELECT GREATEST(limited_until, CASE WHEN calls >= ${rule.limit}
        THEN window_started_at + make_interval(secs => ${rule.windowSec}) END, now() + interval '1 second') AS until
      FROM analytics_read_limits WHERE key = ${rule.key}`);
    const until = wait.rows[0]?.until;
    return until === undefined ? new Date(Date.now() + 1000) : new Date(until);
  }
  return null;
}

/** Remembers a wait the network asked for (429 with Retry-After) on the rule keys of its scope. */
export async function noteRateLimited(db: Database, keys: readonly string[], until: Date): Promise<void> {
  for (const key of keys) {
    await db.execute(sql`
      INSERT INTO analytics_read_limits AS r (key, window_started_at, calls, limited_until) VALUES (${key}, now(), 0, ${until})
      ON CONFLICT (key) DO UPDATE SET limited_until = GREATEST(r.limited_until, EXCLUDED.limited_until)`);
  }
}
