// What the metrics benchmark reads back from the fakes: the metrics GETs the collector sent (batch and single
// reads), per network, and the baseline that replays exactly those GETs raw (undici fetch, keep-alive, same auth header).
import { Agent, fetch } from 'undici';
import type { FakeRequest, FakeNetworkServer } from '@plume/testing/fakes/fake-network-server';
import type { Agency } from './agency-fakes.ts';

type Network = 'mastodon' | 'bluesky' | 'x';

const metricsPath: Record<Network, string> = {
  mastodon: '/api/v1/statuses',
  bluesky: '/xrpc/app.bsky.feed.getPosts',
  x: '/2/tweets',
};

export type RecordedCall = {
  network: Network;
  url: string;
  authorization: string | undefined;
  ids: number;
  /** A read of one post by its own route (Mastodon's GET /api/v1/statuses/:id), not a batch call. */
  single: boolean;
};

/** Mastodon reads a single post with GET /api/v1/statuses/:id (the provider does so for one id). */
function isMetricsRead(network: Network, request: FakeRequest): boolean {
  if (request.method !== 'GET') return false;
  if (network === 'mastodon' && /^\/api\/v1\/statuses\/\d+$/.test(request.path)) return true;
  return request.path === metricsPath[network];
}

function idsOf(network: Network, request: FakeRequest): number {
  if (network === 'mastodon' && request.path !== metricsPath.mastodon) return 1;
  if (network === 'mastodon') return request.query.getAll('id[]').length;
  if (network === 'bluesky') return request.query.getAll('uris').length;
  return (request.query.get('ids') ?? '').split(',').filter((id) => id !== '').length;
}

function serversOf(agency: Agency): { network: Network; server: FakeNetworkServer }[] {
  return [
    ...agency.mastodon.map((fake) => ({ network: 'mastodon' as const, server: fake.server })),
    { network: 'bluesky', server: agency.bluesky.server },
    { network: 'x', server: agency.x.server },
  ];
}

/** Every metrics read (batch or single GET) the fakes received, in arrival order per host. */
export function metricsCalls(agency: Agency): RecordedCall[] {
  const calls: RecordedCall[] = [];
  for (const { network, server } of serversOf(agency)) {
    for (const request of server.requests) {
      if (!isMetricsRead(network, request)) continue;
      const authorization = request.headers['authorization'];
      calls.push({
        network,
        url: `${server.url}${request.path}${request.query.size > 0 ? `?${request.query.toString()}` : ''}`,
        authorization: typeof authorization === 'string' ? authorization : undefined,
        ids: idsOf(network, request),
        single: network === 'mastodon' && request.path !== metricsPath.mastodon,
      });
    }
  }
  return calls;
}

/** Every request any fake received (for calls per snapshot, all kinds included). */
export function allRequests(agency: Agency): number {
  return serversOf(agency).reduce((sum, { server }) => sum + server.requests.length, 0);
}

export function resetRequests(agency: Agency): void {
  for (const { server } of serversOf(agency)) server.reset();
}

export type BaselineRun = { ms: number; ok: number; failed: number; ids: number };

/** Sends `calls` raw with `concurrency` in flight at once. */
export async function replayCalls(calls: readonly RecordedCall[], concurrency: number): Promise<BaselineRun> {
  const dispatcher = new Agent();
  let next = 0;
  let ok = 0;
  let failed = 0;
  let ids = 0;
  const lane = async () => {
    while (next < calls.length) {
      const call = calls[next];
      next += 1;
      if (call === undefined) continue;
      const headers: Record<string, string> =
        call.authorization === undefined ? {} : { authorization: call.authorization };
      const response = await fetch(call.url, { headers, dispatcher });
      await response.arrayBuffer();
      if (response.ok) {
        ok += 1;
        ids += call.ids;
      } else failed += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  const ms = performance.now() - started;
  await dispatcher.close();
  return { ms, ok, failed, ids };
}
