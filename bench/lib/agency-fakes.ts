// The publishing benchmark's agency: 10 Mastodon servers on their own loopback addresses
// (127.0.0.2–127.0.0.11), the Bluesky PDS fake (127.0.0.1) and the X fake (127.0.0.12), each answering
// after the same delay. Gives the worker's configuration for them, reads what each received (a publish
// call's text, when it arrived) and builds the raw requests of the baseline.
import { blueskyCredentials } from '@plume/networks/bluesky/auth';
import type { TokenSet } from '@plume/networks/contract';
import { startBlueskyFake, type BlueskyFake } from '@plume/testing/fakes/bluesky';
import type { FakeNetworkServer } from '@plume/testing/fakes/fake-network-server';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { startXFake, type XFake } from '@plume/testing/fakes/x/x-fake';

export const MASTODON_SERVERS = 10;

export type Agency = { mastodon: MastodonFake[]; bluesky: BlueskyFake; x: XFake };

/** One connected account as the seed writes it: network, identity, metadata and tokens. */
export type AgencyAccount = {
  network: 'mastodon' | 'bluesky' | 'x';
  externalId: string;
  metadata: Record<string, string>;
  tokens: TokenSet;
  /** Which fake it lives on (for the baseline's requests). */
  server: FakeNetworkServer;
};

export async function startAgency(answerDelayMs: number): Promise<Agency> {
  const mastodon = await Promise.all(
    Array.from({ length: MASTODON_SERVERS }, (_, index) => startMastodonFake({ host: `127.0.0.${index + 2}` })),
  );
  const bluesky = await startBlueskyFake();
  const x = await startXFake({ host: '127.0.0.12' });
  for (const server of [...mastodon.map((fake) => fake.server), bluesky.server, x.server])
    server.setDelay(answerDelayMs);
  return { mastodon, bluesky, x };
}

export async function closeAgency(agency: Agency): Promise<void> {
  await Promise.all([...agency.mastodon.map((fake) => fake.close()), agency.bluesky.close(), agency.x.close()]);
}

export function servers(agency: Agency): FakeNetworkServer[] {
  return [...agency.mastodon.map((fake) => fake.server), agency.bluesky.server, agency.x.server];
}

/** The worker's configuration for these fakes: endpoints, X's app credentials, loopback allowed. */
export function agencyEnv(agency: Agency): Record<string, string> {
  return {
    HTTP_ALLOW_PRIVATE_HOSTS: Array.from({ length: 12 }, (_, index) => `127.0.0.${index + 1}`).join(','),
    NETWORK_ENDPOINTS: JSON.stringify({ bluesky: { api: agency.bluesky.url }, x: agency.x.endpoints }),
    X_CLIENT_ID: agency.x.app.clientId,
    X_CLIENT_SECRET: agency.x.app.clientSecret,
  };
}

/** `counts` accounts per network, spread evenly over the Mastodon servers; Bluesky ones log in through the adapter. */
export async function agencyAccounts(
  agency: Agency,
  counts: { mastodon: number; bluesky: number; x: number },
): Promise<AgencyAccount[]> {
  const accounts: AgencyAccount[] = [];
  for (let index = 0; index < counts.mastodon; index += 1) {
    const fake = agency.mastodon[index % agency.mastodon.length];
    if (fake === undefined) throw new Error('no Mastodon fake');
    accounts.push({
      network: 'mastodon',
      externalId: `bench-${index}`,
      metadata: { instanceUrl: fake.instanceUrl },
      tokens: { accessToken: fake.issueToken() },
      server: fake.server,
    });
  }
  const context = createTestNetworkContext({ api: agency.bluesky.url });
  for (let index = 0; index < counts.bluesky; index += 1) {
    const handle = `bench${index}.test`;
    agency.bluesky.state.accounts.push({ did: `did:plc:bench${index}`, handle, password: 'app-pass-bench' });
    const { tokens, identity } = await blueskyCredentials.connect(context, {
      identifier: handle,
      password: 'app-pass-bench',
    });
    accounts.push({
      network: 'bluesky',
      externalId: identity.externalId,
      metadata: { ...identity.metadata },
      tokens,
      server: agency.bluesky.server,
    });
  }
  for (let index = 0; index < counts.x; index += 1) {
    const tokens = agency.x.issueTokens({ expiresInMs: 6 * 3_600_000 });
    accounts.push({
      network: 'x',
      externalId: `x-bench-${index}`,
      metadata: { username: agency.x.state.user.username },
      tokens: { ...tokens, expiresAt: new Date(Date.now() + 6 * 3_600_000) },
      server: agency.x.server,
    });
  }
  agency.bluesky.server.reset();
  return accounts;
}

/** The text of a publish call and when it arrived, for every publish call any fake received. */
export function publishCalls(agency: Agency): { text: string; receivedAt: number }[] {
  const calls: { text: string; receivedAt: number }[] = [];
  const textOf = (body: unknown, path: readonly string[]): unknown =>
    path.reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined,
      body,
    );
  const collect = (server: FakeNetworkServer, path: string, field: readonly string[]) => {
    for (const request of server.requests) {
      const text = request.method === 'POST' && request.path === path ? textOf(request.body, field) : undefined;
      if (typeof text === 'string') calls.push({ text, receivedAt: request.receivedAt });
    }
  };
  for (const fake of agency.mastodon) collect(fake.server, '/api/v1/statuses', ['status']);
  collect(agency.bluesky.server, '/xrpc/com.atproto.repo.createRecord', ['record', 'text']);
  collect(agency.x.server, '/2/tweets', ['text']);
  return calls;
}

/** The raw HTTP request that publishes `text` for this account, as its adapter sends it. */
export function rawPublishRequest(account: AgencyAccount, text: string): { url: string; init: RequestInit } {
  const headers = { authorization: `Bearer ${account.tokens.accessToken}`, 'content-type': 'application/json' };
  const base = account.server.url;
  if (account.network === 'mastodon')
    return {
      url: `${base}/api/v1/statuses`,
      init: { method: 'POST', headers, body: JSON.stringify({ status: text, visibility: 'public' }) },
    };
  if (account.network === 'bluesky') {
    const record = { $type: 'app.bsky.feed.post', text, createdAt: new Date().toISOString() };
    const body = JSON.stringify({ repo: account.metadata['did'], collection: 'app.bsky.feed.post', record });
    return { url: `${base}/xrpc/com.atproto.repo.createRecord`, init: { method: 'POST', headers, body } };
  }
  return { url: `${base}/2/tweets`, init: { method: 'POST', headers, body: JSON.stringify({ text }) } };
}
