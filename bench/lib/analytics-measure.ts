// Loads the analytics page's requests through the real app (Fastify's inject: routing, auth, the
// membership check, validation, the core queries, serialization) and, interleaved in the same rounds,
// the same SQL statements through a plain pg pool. The page as the browser loads it: the overview and
// the follower series together, then — once the overview says there are measured posts — top posts,
// breakdowns and the heatmap together.
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { record, replay, type Wave } from './sql-capture.ts';

export const ROUTES = ['overview', 'followers', 'posts', 'breakdowns', 'heatmap'] as const;
export type RouteName = (typeof ROUTES)[number];
export const PAGE_PHASES: readonly (readonly RouteName[])[] = [
  ['overview', 'followers'],
  ['posts', 'breakdowns', 'heatmap'],
];

export type PageTiming = { totalMs: number; routes: Record<RouteName, number> };
export type Samples = {
  /** The whole page, phases one after the other, each phase's requests in parallel. */
  page: { app: PageTiming[]; sql: PageTiming[] };
  /** Each request alone, nothing else running. */
  alone: Record<RouteName, { app: number[]; sql: number[] }>;
};

export type PageTarget = {
  app: FastifyInstance;
  token: string;
  workspaceId: string;
  range: { from: string; to: string };
  baseline: pg.Pool;
};

let clients = 0;
/** Each page load from its own client address, as many people would: the rate limit (600/min per address) still runs. */
const nextAddress = () => {
  clients += 1;
  return `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
};

function urlOf(target: PageTarget, route: RouteName): string {
  const query = new URLSearchParams({ ...target.range, ...(route === 'posts' ? { limit: '10' } : {}) });
  return `/api/v1/workspaces/${target.workspaceId}/analytics/${route}?${query.toString()}`;
}

async function request(target: PageTarget, route: RouteName, address: string): Promise<string> {
  const response = await target.app.inject({
    method: 'GET',
    url: urlOf(target, route),
    headers: { authorization: `Bearer ${target.token}` },
    remoteAddress: address,
  });
  if (response.statusCode !== 200) throw new Error(`${route} answered ${response.statusCode}: ${response.body}`);
  return response.body;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Each route's statements, recorded from one request run alone (after warm-up, so the session is remembered). */
export async function captureStatements(target: PageTarget): Promise<Record<RouteName, Wave[]>> {
  const captured = {} as Record<RouteName, Wave[]>;
  const address = nextAddress();
  for (const route of ROUTES)
    captured[route] = await record(() => request(target, route, address).then(() => undefined));
  return captured;
}

async function loadPage(run: (route: RouteName) => Promise<unknown>): Promise<PageTiming> {
  const routes = {} as Record<RouteName, number>;
  const started = performance.now();
  for (const phase of PAGE_PHASES)
    await Promise.all(
      phase.map(async (route) => {
        routes[route] = await timed(() => run(route));
      }),
    );
  return { totalMs: performance.now() - started, routes };
}

/**
 * `rounds` rounds, each: the page through the app and through plain SQL (which goes first alternates),
 * then each request alone, app and SQL alternating the same way. `warmUp` rounds first, not kept.
 */
export async function measurePage(
  target: PageTarget,
  statements: Record<RouteName, Wave[]>,
  options: { rounds: number; warmUp: number; onRound?: (round: number) => void },
): Promise<Samples> {
  const samples: Samples = {
    page: { app: [], sql: [] },
    alone: Object.fromEntries(
      ROUTES.map((route) => [route, { app: [] as number[], sql: [] as number[] }]),
    ) as Samples['alone'],
  };
  const viaApp = () => {
    const address = nextAddress();
    return (route: RouteName) => request(target, route, address);
  };
  const viaSql = (route: RouteName) => replay(target.baseline, statements[route]);
  for (let round = 0; round < options.warmUp + options.rounds; round += 1) {
    const keep = round >= options.warmUp;
    const appFirst = round % 2 === 0;
    for (const side of appFirst ? (['app', 'sql'] as const) : (['sql', 'app'] as const)) {
      const timing = await loadPage(side === 'app' ? viaApp() : viaSql);
      if (keep) samples.page[side].push(timing);
    }
    for (const route of ROUTES)
      for (const side of appFirst ? (['app', 'sql'] as const) : (['sql', 'app'] as const)) {
        const ms = await timed(() => (side === 'app' ? viaApp()(route) : viaSql(route)));
        if (keep) samples.alone[route][side].push(ms);
      }
    if (keep) options.onRound?.(round - options.warmUp + 1);
  }
  return samples;
}
