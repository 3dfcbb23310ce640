// The inbox ingestion benchmark's networks: Mastodon servers on their own loopback addresses
// (127.0.0.2…), the Bluesky PDS fake (127.0.0.1) and the X fake (127.0.0.12), each seeded with one feed of
// `perAccount` new items. Every account on a fake reads that fake's feed (the fakes keep one inbox per
// server), so the rows Plume must store are accounts × perAccount, unique per account and remote id.
import { blueskyCredentials } from '@plume/networks/bluesky/auth';
import type { TokenSet } from '@plume/networks/contract';
import { startBlueskyFake, type BlueskyFake } from '@plume/testing/fakes/bluesky';
import { seedBlueskyNotification } from '@plume/testing/fakes/bluesky-inbox-routes';
import type { FakeNetworkServer } from '@plume/testing/fakes/fake-network-server';
import { seedMastodonMention } from '@plume/testing/fakes/mastodon/inbox-routes';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { seedXPost } from '@plume/testing/fakes/x/inbox-routes';
import { startXFake, type XFake } from '@plume/testing/fakes/x/x-fake';

export type InboxFakes = { mastodon: MastodonFake[]; bluesky: BlueskyFake; x: XFake };
export type InboxMix = { mastodon: number; bluesky: number; x: number };

export type InboxAccount = {
  network: 'mastodon' | 'bluesky' | 'x';
  externalId: string;
  metadata: Record<string, string>;
  tokens: TokenSet;
  server: FakeNetworkServer;
};

const mastodonScopes = 'read:accounts write:statuses write:media read:notifications read:statuses';

export async function startInboxFakes(mastodonServers: number): Promise<InboxFakes> {
  if (mastodonServers < 1 || mastodonServers > 9) throw new Error('between 1 and 9 Mastodon servers');
  const mastodon = await Promise.all(
    Array.from({ length: mastodonServers }, (_, index) => startMastodonFake({ host: `127.0.0.${index + 2}` })),
  );
  const bluesky = await startBlueskyFake();
  const x = await startXFake({ host: '127.0.0.12' });
  return { mastodon, bluesky, x };
}

export function inboxServers(fakes: InboxFakes): FakeNetworkServer[] {
  return [...fakes.mastodon.map((fake) => fake.server), fakes.bluesky.server, fakes.x.server];
}

export async function closeInboxFakes(fakes: InboxFakes): Promise<void> {
  await Promise.all([...fakes.mastodon.map((fake) => fake.close()), fakes.bluesky.close(), fakes.x.close()]);
}

export function inboxFakesEnv(fakes: InboxFakes): Record<string, string> {
  return {
    HTTP_ALLOW_PRIVATE_HOSTS: Array.from({ length: 12 }, (_, index) => `127.0.0.${index + 1}`).join(','),
    NETWORK_ENDPOINTS: JSON.stringify({ bluesky: { api: fakes.bluesky.url }, x: fakes.x.endpoints }),
    X_CLIENT_ID: fakes.x.app.clientId,
    X_CLIENT_SECRET: fakes.x.app.clientSecret,
  };
}

/** `perAccount` new items on every fake's feed, oldest first, all within the last hour. */
export function seedInboxFeeds(fakes: InboxFakes, perAccount: number): void {
  const now = Date.now();
  const at = (index: number) => new Date(now - 3_600_000 + index * Math.floor(3_000_000 / perAccount));
  fakes.mastodon.forEach((fake, server) => {
    for (let index = 0; index < perAccount; index += 1) {
      const id = `${server}${index}`;
      seedMastodonMention(fake.state, {
        account: { id: `7${id}`, username: `fan${id}`, acct: `fan${id}@other.example`, displayName: `Fan ${id}` },
        text: `@bench hello ${index} from server ${server}`,
        inReplyToId: null,
        visibility: 'public',
        createdAt: at(index),
      });
    }
  });
  for (let index = 0; index < perAccount; index += 1) {
    seedBlueskyNotification(fakes.bluesky.state.inbox, {
      author: { did: `did:plc:fan${index}`, handle: `fan${index}.test` },
      reason: 'mention',
      text: `@bench hello ${index}`,
      indexedAt: at(index).toISOString(),
    });
    seedXPost(fakes.x.state, {
      author: { id: String(900_000 + index), username: `fan${index}`, name: `Fan ${index}` },
      text: `@${fakes.x.state.user.username} hello ${index}`,
      createdAt: at(index).toISOString(),
    });
  }
}

/**
 * The accounts: Mastodon ones spread over the servers (tokens with the inbox scopes), Bluesky ones logged
 * in through the adapter, X ones all the fake's one user (each goes into its own workspace, see the seed).
 */
export async function inboxAccounts(fakes: InboxFakes, mix: InboxMix, answerDelayMs: number): Promise<InboxAccount[]> {
  const accounts: InboxAccount[] = [];
  for (let index = 0; index < mix.mastodon; index += 1) {
    const fake = fakes.mastodon[index % fakes.mastodon.length];
    if (fake === undefined) throw new Error('no Mastodon fake');
    accounts.push({
      network: 'mastodon',
      externalId: `bench-${index}`,
      metadata: { instanceUrl: fake.instanceUrl },
      tokens: { accessToken: fake.issueToken(mastodonScopes) },
      server: fake.server,
    });
  }
  const context = createTestNetworkContext({ api: fakes.bluesky.url });
  for (let index = 0; index < mix.bluesky; index += 1) {
    const handle = `bench${index}.test`;
    fakes.bluesky.state.accounts.push({ did: `did:plc:bench${index}`, handle, password: 'app-pass-bench' });
    const { tokens, identity } = await blueskyCredentials.connect(context, {
      identifier: handle,
      password: 'app-pass-bench',
    });
    accounts.push({
      network: 'bluesky',
      externalId: identity.externalId,
      metadata: { ...identity.metadata },
      tokens,
      server: fakes.bluesky.server,
    });
  }
  for (let index = 0; index < mix.x; index += 1) {
    const tokens = fakes.x.issueTokens({ expiresInMs: 6 * 3_600_000 });
    accounts.push({
      network: 'x',
      externalId: fakes.x.state.user.id,
      metadata: { username: fakes.x.state.user.username },
      tokens: { ...tokens, expiresAt: new Date(Date.now() + 6 * 3_600_000) },
      server: fakes.x.server,
    });
  }
  for (const server of inboxServers(fakes)) {
    server.reset();
    server.setDelay(answerDelayMs);
  }
  return accounts;
}

/** Splits `accounts` over the three networks: 60 % Mastodon, 20 % Bluesky, the rest X. */
export function inboxMix(accounts: number): InboxMix {
  const mastodon = Math.round(accounts * 0.6);
  const bluesky = Math.round(accounts * 0.2);
  return { mastodon, bluesky, x: accounts - mastodon - bluesky };
}
