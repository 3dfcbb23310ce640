// Before measuring, the API bench checks that its baselines answer exactly what the real route answers.
import type { Target } from './load.ts';

type Endpoint = { url: string; target: Target };

async function answer(endpoint: Endpoint): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(`${endpoint.url}${endpoint.target.path}`, {
    headers: endpoint.target.headers,
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
}

/** Throws unless every baseline answers 200 with the same content type and the same bytes as `real`. */
export async function expectSameAnswers(real: Endpoint, baselines: Endpoint[]): Promise<void> {
  const expected = await answer(real);
  if (expected.status !== 200)
    throw new Error(`${real.target.path} answered ${expected.status}: ${expected.body.slice(0, 300)}`);
  for (const baseline of baselines) {
    const got = await answer(baseline);
    if (got.status !== expected.status || got.type !== expected.type || got.body !== expected.body) {
      const at = [...got.body].findIndex((char, i) => char !== expected.body[i]);
      throw new Error(
        `${baseline.target.path} does not answer what ${real.target.path} answers: status ${got.status} vs ${expected.status}, ` +
          `type ${got.type} vs ${expected.type}, ${got.body.length} vs ${expected.body.length} bytes, first difference at ${at}: ` +
          `${got.body.slice(Math.max(0, at - 40), at + 60)} vs ${expected.body.slice(Math.max(0, at - 40), at + 60)}`,
      );
    }
  }
}
