import { describe, expect, it } from 'vitest';
import { allProviders } from './registry.ts';

const OPERATION_OF = {
  'analytics.post': 'getPostMetrics',
  'analytics.account': 'getAccountMetrics',
  'analytics.recentPosts': 'listRecentPosts',
  'analytics.publicPosts': 'listPublicPosts',
  'inbox.kinds': 'listInbox',
  'inbox.reply': 'replyToInbox',
  'inbox.moderation': 'moderateInbox',
  'inbox.push': 'inboxWebhook',
} as const;

describe('network manifests', () => {
  it('claim analytics and inbox capabilities only where the provider has the operation behind them', () => {
    const claims = allProviders.flatMap((provider) => {
      const { analytics, inbox } = provider.manifest;
      const flags = {
        'analytics.post': analytics.post !== null,
        'analytics.account': analytics.account !== null,
        'analytics.recentPosts': analytics.recentPosts !== null,
        'analytics.publicPosts': analytics.publicPosts !== undefined,
        'inbox.kinds': inbox.kinds.length > 0,
        'inbox.reply': inbox.reply.length > 0,
        'inbox.moderation': inbox.moderation.length > 0,
        'inbox.push': inbox.delivery === 'push',
      };
      return Object.entries(flags)
        .filter(([capability, claimed]) => {
          const operation = (provider as unknown as Record<string, unknown>)[
            OPERATION_OF[capability as keyof typeof OPERATION_OF]
          ];
          // Operations are functions; `inboxWebhook` is an object of two (verify, parse).
          const present = typeof operation === 'function' || (typeof operation === 'object' && operation !== null);
          return claimed && !present;
        })
        .map(([capability]) => `${provider.manifest.id}: ${capability}`);
    });
    expect(claims).toEqual([]);
  });

  it('declare inbox operations exactly where the provider has them, replying only to kinds it reads', () => {
    const mismatched = allProviders.flatMap((provider) => {
      const { inbox, id } = provider.manifest;
      const problems: string[] = [];
      if ((provider.listInbox !== undefined) !== inbox.kinds.length > 0) problems.push(`${id}: listInbox`);
      if ((provider.replyToInbox !== undefined) !== inbox.reply.length > 0) problems.push(`${id}: replyToInbox`);
      if ((provider.moderateInbox !== undefined) !== inbox.moderation.length > 0) problems.push(`${id}: moderateInbox`);
      if ((provider.inboxWebhook !== undefined) !== (inbox.delivery === 'push')) problems.push(`${id}: inboxWebhook`);
      if (inbox.reply.some((kind) => !inbox.kinds.includes(kind)))
        problems.push(`${id}: replies to a kind it never reads`);
      if (inbox.kinds.length > 0 && (inbox.pageSize < 1 || inbox.minPollSec < 1)) problems.push(`${id}: read limits`);
      return problems;
    });
    expect(mismatched).toEqual([]);
  });

  it('ask at connect for every scope the inbox needs, so a connected account can read and answer', () => {
    const missing = allProviders.flatMap(({ manifest }) => {
      if (manifest.auth.kind !== 'oauth2') return [];
      const asked = new Set(manifest.auth.scopes.flatMap((scope) => scope.split(/[\s,]+/)));
      return manifest.inbox.scopes.filter((scope) => !asked.has(scope)).map((scope) => `${manifest.id}: ${scope}`);
    });
    expect(missing).toEqual([]);
  });

  it('declare public-post reads exactly where the provider reads them, with a hint for the handle', () => {
    const mismatched = allProviders
      .filter(
        (provider) =>
          (provider.listPublicPosts !== undefined) !== (provider.manifest.analytics.publicPosts !== undefined),
      )
      .map((provider) => provider.manifest.id);
    expect(mismatched).toEqual([]);
    const readers = allProviders.filter((provider) => provider.manifest.analytics.publicPosts !== undefined);
    expect(readers.map((provider) => provider.manifest.id).sort()).toEqual(['bluesky', 'mastodon', 'youtube']);
    for (const provider of readers) expect(provider.manifest.analytics.publicPosts?.handleHint).not.toBe('');
  });
});
