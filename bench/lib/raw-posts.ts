// The publishing benchmark's baseline: the same publish requests the adapters send, straight from the
// bench process to the fakes, each host with `concurrency` calls in flight (its `publishConcurrency`),
// every host at once. The client is undici's `request` over a keep-alive Agent (no fetch, no WHATWG
// objects): the cheapest call Node offers, as the worker's publish calls use (`HttpClient.exchange`).
import { Agent } from 'undici';

export type RawRun = { ms: number; ok: number; failed: number; postsPerS: number };

export type RawHost = { requests: { url: string; init: RequestInit }[]; concurrency: number };

export async function sendRawPosts(hosts: readonly RawHost[]): Promise<RawRun> {
  // A keep-alive Agent without a connection cap, as the worker's HTTP client uses.
  const dispatcher = new Agent();
  let ok = 0;
  let failed = 0;
  const runHost = async (host: RawHost) => {
    let next = 0;
    const lane = async () => {
      while (next < host.requests.length) {
        const request = host.requests[next];
        next += 1;
        if (request === undefined) continue;
        const { body, headers, method } = request.init;
        const url = new URL(request.url);
        const answer = await dispatcher.request({
          origin: url.origin,
          path: url.pathname,
          method: method === 'POST' ? 'POST' : 'GET',
          headers: headers as Record<string, string>,
          body: typeof body === 'string' ? body : null,
        });
        await answer.body.text();
        if (answer.statusCode >= 200 && answer.statusCode < 300) ok += 1;
        else failed += 1;
      }
    };
    await Promise.all(Array.from({ length: host.concurrency }, lane));
  };
  const started = performance.now();
  await Promise.all(hosts.map(runHost));
  const ms = performance.now() - started;
  await dispatcher.close();
  return { ms, ok, failed, postsPerS: (ok / ms) * 1000 };
}
