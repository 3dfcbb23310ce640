// The publishing benchmark's baseline: the same number of status POSTs, sent straight to the fake
// network from the bench process with `concurrency` calls in flight, as the Mastodon adapter sends them.
import { Agent, fetch } from 'undici';

export type RawRun = { ms: number; ok: number; failed: number; postsPerS: number };

export async function sendRawPosts(input: {
  instanceUrl: string;
  tokens: readonly string[];
  count: number;
  concurrency: number;
  label: string;
}): Promise<RawRun> {
  // undici's fetch over a keep-alive Agent without a connection cap: the worker's HTTP client uses the same.
  const dispatcher = new Agent();
  let next = 0;
  let ok = 0;
  let failed = 0;
  const sendOne = async (index: number) => {
    const response = await fetch(`${input.instanceUrl}/api/v1/statuses`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${input.tokens[index % input.tokens.length] ?? ''}`,
        'content-type': 'application/json',
        'idempotency-key': `${input.label}-${index}`,
      },
      body: JSON.stringify({ status: `Baseline post ${index}`, visibility: 'public' }),
      dispatcher,
    });
    await response.arrayBuffer();
    if (response.ok) ok += 1;
    else failed += 1;
  };
  const lane = async () => {
    while (next < input.count) {
      const index = next;
      next += 1;
      await sendOne(index);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: input.concurrency }, lane));
  const ms = performance.now() - started;
  await dispatcher.close();
  return { ms, ok, failed, postsPerS: (ok / ms) * 1000 };
}
