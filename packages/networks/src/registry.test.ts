import { describe, expect, it } from 'vitest';
import { allProviders } from './registry.ts';

const OPERATION_OF = {
  'analytics.post': 'getPostMetrics',
  'analytics.account': 'getAccountMetrics',
  'analytics.recentPosts': 'listRecentPosts',
  'analytics.publicPosts': 'listPublicPosts',
  'inbox.comments': 'listComments',
  'inbox.mentions': 'listMentions',
  'inbox.messages': 'listMessages',
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
        'inbox.comments': inbox.comments,
        'inbox.mentions': inbox.mentions,
        'inbox.messages': inbox.messages,
      };
      return Object.entries(flags)
        .filter(
          ([capability, claimed]) =>
            claimed &&
            typeof (provider as unknown as Record<string, unknown>)[
              OPERATION_OF[capability as keyof typeof OPERATION_OF]
            ] !== 'function',
        )
        .map(([capability]) => `${provider.manifest.id}: ${capability}`);
    });
    expect(claims).toEqual([]);
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
