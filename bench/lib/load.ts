// autocannon runs with exact latency percentiles (autocannon's summary has no p95).
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';

export type Target = { path: string; headers: Record<string, string> };

export type LoadResult = {
  /** Successful (2xx) responses per second over the run. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
};

export type LoadOptions = { connections: number; durationS: number; overallRate?: number };

/**
 * Each connection gets its own 1,000 client addresses in X-Forwarded-For (the server runs with
 * TRUST_PROXY=true), so the per-IP rate limit sees many ordinary clients instead of one flooding one.
 */
const addressesPerClient = 1000;
let clientSequence = 0;

function forwardedFor(n: number): string {
  const index = n % (1 << 24);
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

function requestsForNewClient(target: Target): autocannon.Request[] {
  const base = clientSequence * addressesPerClient;
  clientSequence += 1;
  return Array.from({ length: addressesPerClient }, (_, i) => ({
    method: 'GET',
    path: target.path,
    headers: { ...target.headers, 'x-forwarded-for': forwardedFor(base + i) },
  }));
}

/** Nearest-rank percentile of an ascending array, in ms. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

type RawRun = { latencies: number[]; ok: number; non2xx: number; errors: number; statusCodes: Record<string, number> };

function runOnce(baseUrl: string, target: Target, options: LoadOptions): Promise<RawRun> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const hardStop = setTimeout(
      () => {
        instance.stop();
        reject(new Error(`autocannon run on ${target.path} did not finish in time`));
      },
      (options.durationS + 20) * 1000,
    );
    const instance = autocannon(
      {
        url: `${baseUrl}${target.path}`,
        connections: options.connections,
        duration: options.durationS,
        timeout: 10,
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
        setupClient: (client) => client.setRequests(requestsForNewClient(target)),
      },
      (error, result) => {
        clearTimeout(hardStop);
        if (error) return reject(error);
        const statusCodes = Object.fromEntries(
          Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]),
        );
        resolve({ latencies, ok: result['2xx'], non2xx: result.non2xx, errors: result.errors, statusCodes });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

function summarise(runs: RawRun[], wallSeconds: number): LoadResult {
  const latencies = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
  const statusCodes: Record<string, number> = {};
  for (const run of runs)
    for (const [code, count] of Object.entries(run.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  const ok = runs.reduce((sum, run) => sum + run.ok, 0);
  return {
    rps: ok / wallSeconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    ok,
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    statusCodes,
  };
}

/** One autocannon run (closed loop, or autocannon's `overallRate` when given). */
export async function runLoad(baseUrl: string, target: Target, options: LoadOptions): Promise<LoadResult> {
  const startedAt = performance.now();
  const run = await runOnce(baseUrl, target, options);
  return summarise([run], (performance.now() - startedAt) / 1000);
}

/**
 * `rate` requests/s spread evenly over the second: autocannon's rate mode releases each
 * connection's quota at the start of every second, so `instances` single-connection runs at
 * rate/instances each are started 1000/instances ms apart and their bursts interleave.
 */
export async function runPaced(
  baseUrl: string,
  target: Target,
  rate: number,
  instances: number,
  durationS: number,
): Promise<LoadResult> {
  const startedAt = performance.now();
  const runs = await Promise.all(
    Array.from({ length: instances }, async (_, i) => {
      await sleep((i * 1000) / instances);
      return runOnce(baseUrl, target, { connections: 1, durationS, overallRate: rate / instances });
    }),
  );
  const wallSeconds = (performance.now() - startedAt) / 1000 - (instances - 1) / instances;
  return summarise(runs, wallSeconds);
}
