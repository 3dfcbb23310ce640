// Runs the paths of `npm run bench:llm` interleaved: the paths take turns in small slices, so drift in
// the machine's load lands on all paths alike. Latency is timed per request; CPU (this process, and
// PostgreSQL's processes) per slice.
import { readFileSync } from 'node:fs';
import { percentile } from './load.ts';
import { PATHS, type PathName, type PathRunner } from './llm-paths.ts';
import { cpuTicks } from './proc.ts';

export type PathFigures = {
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** CPU of this process (client, gateway, fake) per request, ms. */
  cpuMs: number;
  /** CPU of PostgreSQL per request, ms. */
  postgresCpuMs: number;
  wrong: number;
  cacheHits: number;
  /** p50 of each round, to show the drift. */
  roundP50: number[];
};

export type RoundsResult = { figures: Record<PathName, PathFigures>; wallMs: number; concurrency: number };

/** /proc reports CPU time in USER_HZ ticks: 100 per second on Linux. */
const msPerTick = 10;

/** PostgreSQL's processes, found once per round (walking /proc for every slice would cost more than a slice). */
let postgresPids: number[] = [];
const findPostgres = () => {
  postgresPids = [...cpuTicks(process.pid)].filter(([, info]) => info.comm === 'postgres').map(([pid]) => pid);
};

function postgresTicks(): number {
  let ticks = 0;
  for (const pid of postgresPids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // ended meanwhile
    }
  }
  return ticks;
}

type Tally = {
  latencies: number[];
  cpuMs: number;
  postgresTicks: number;
  wrong: number;
  cacheHits: number;
  roundP50: number[];
};

const newTally = (): Tally => ({ latencies: [], cpuMs: 0, postgresTicks: 0, wrong: 0, cacheHits: 0, roundP50: [] });

let sequence = 0;
/** A tag no request had before (so gateway misses never meet a cached answer). */
export const nextTag = () => `${process.pid}-${(sequence += 1)}`;

/** `count` requests on one path, `concurrency` in flight; returns each request's latency in ms. */
async function runBlock(run: PathRunner, count: number, concurrency: number, tally: Tally): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      next += 1;
      const tag = nextTag();
      const startedAt = performance.now();
      const outcome = await run(tag);
      latencies.push(performance.now() - startedAt);
      if (!outcome.ok) tally.wrong += 1;
      if (outcome.cacheHit === true) tally.cacheHits += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return latencies;
}

/** Untimed requests on every path: JIT, connection pools, the model list and directory memos. */
export async function warmUp(
  paths: Record<PathName, PathRunner>,
  perPath: number,
): Promise<Record<PathName, { wrong: number; cacheHits: number }>> {
  const result = {} as Record<PathName, { wrong: number; cacheHits: number }>;
  for (const name of PATHS) {
    const tally = newTally();
    await runBlock(paths[name], perPath, 1, tally);
    result[name] = { wrong: tally.wrong, cacheHits: tally.cacheHits };
  }
  return result;
}

/**
 * `rounds` rounds of `perRound` requests per path. Within a round the paths take turns in slices of
 * `slice` requests (the order rotating each slice), so load from elsewhere on the machine falls on
 * every path alike; a round's p50 per path shows what drift remained.
 */
export async function runRounds(
  paths: Record<PathName, PathRunner>,
  options: {
    rounds: number;
    perRound: number;
    slice: number;
    concurrency: number;
    onRound?: (round: number, p50: Record<PathName, number>) => void;
  },
): Promise<RoundsResult> {
  const tallies: Record<PathName, Tally> = {
    sdk: newTally(),
    provider: newTally(),
    gateway: newTally(),
    cacheHit: newTally(),
  };
  const startedAt = performance.now();
  let turn = 0;
  for (let round = 0; round < options.rounds; round += 1) {
    findPostgres();
    const roundLatencies = new Map<PathName, number[]>(PATHS.map((name) => [name, []]));
    for (let done = 0; done < options.perRound; done += options.slice) {
      const count = Math.min(options.slice, options.perRound - done);
      const order = PATHS.map((_, i) => PATHS[(i + turn) % PATHS.length] as PathName);
      turn += 1;
      for (const name of order) {
        const tally = tallies[name];
        const pgBefore = postgresTicks();
        const cpuBefore = process.cpuUsage();
        const latencies = await runBlock(paths[name], count, options.concurrency, tally);
        const cpu = process.cpuUsage(cpuBefore);
        tally.postgresTicks += postgresTicks() - pgBefore;
        tally.cpuMs += (cpu.user + cpu.system) / 1000;
        tally.latencies.push(...latencies);
        roundLatencies.get(name)?.push(...latencies);
      }
    }
    for (const name of PATHS)
      tallies[name].roundP50.push(
        percentile(
          (roundLatencies.get(name) ?? []).sort((a, b) => a - b),
          50,
        ),
      );
    options.onRound?.(round + 1, {
      sdk: tallies.sdk.roundP50[round] ?? Number.NaN,
      provider: tallies.provider.roundP50[round] ?? Number.NaN,
      gateway: tallies.gateway.roundP50[round] ?? Number.NaN,
      cacheHit: tallies.cacheHit.roundP50[round] ?? Number.NaN,
    });
  }
  const figures: Record<PathName, PathFigures> = {
    sdk: summarise(tallies.sdk),
    provider: summarise(tallies.provider),
    gateway: summarise(tallies.gateway),
    cacheHit: summarise(tallies.cacheHit),
  };
  return { figures, wallMs: performance.now() - startedAt, concurrency: options.concurrency };
}

function summarise(tally: Tally): PathFigures {
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  const n = sorted.length;
  return {
    requests: n,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.reduce((sum, value) => sum + value, 0) / n,
    cpuMs: tally.cpuMs / n,
    postgresCpuMs: (tally.postgresTicks * msPerTick) / n,
    wrong: tally.wrong,
    cacheHits: tally.cacheHits,
    roundP50: tally.roundP50,
  };
}
