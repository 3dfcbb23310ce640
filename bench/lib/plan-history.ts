// The plan bench's history: `perAccount` measured posts per account over the last year (one every day or
// two, in working hours), each with a text and the metrics a sync would have read (impressions, likes,
// reposts, replies, engagements and their rate), log-normally spread as real posts' results are.
import type { Database } from '@plume/db/client';
import { measuredPosts } from '@plume/db/schema/analytics';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import { createTexts } from './plan-texts.ts';

const DAY_MS = 86_400_000;

export async function seedHistory(
  db: Database,
  input: {
    workspaceId: string;
    accounts: ReadonlyArray<{ id: string; network: NetworkId }>;
    perAccount: number;
    seed: number;
  },
): Promise<number> {
  const texts = createTexts(input.seed + 1);
  const now = Date.now();
  let total = 0;
  for (const account of input.accounts) {
    const rows = Array.from({ length: input.perAccount }, (_, index) => {
      const daysAgo = ((input.perAccount - index) * 365) / input.perAccount;
      const publishedAt = new Date(now - daysAgo * DAY_MS + Math.floor(texts.next() * 10) * 3_600_000);
      // Box–Muller: a normal draw for a log-normal spread of reach.
      const normal = Math.sqrt(-2 * Math.log(1 - texts.next())) * Math.cos(2 * Math.PI * texts.next());
      const impressions = Math.round(Math.exp(7 + 0.8 * normal));
      const likes = Math.round(impressions * (0.01 + 0.03 * texts.next()));
      const reposts = Math.round(likes * 0.2 * texts.next());
      const replies = Math.round(likes * 0.15 * texts.next());
      const engagements = likes + reposts + replies;
      const text = `${texts.post()} #Ledgerline`;
      return {
        workspaceId: input.workspaceId,
        accountId: account.id,
        network: account.network,
        remoteId: `${account.network}-history-${index}`,
        remoteUrl: `https://${account.network}.example/ledgerline/${index}`,
        source: 'backfill' as const,
        publishedAt,
        text,
        charCount: text.length,
        hashtagCount: 1,
        lastMeasuredAt: new Date(now),
        impressions,
        likes,
        reposts,
        replies,
        engagements,
        engagementRate: impressions === 0 ? 0 : engagements / impressions,
      };
    });
    await db.insert(measuredPosts).values(rows);
    total += rows.length;
  }
  return total;
}
