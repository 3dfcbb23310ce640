/**
 * The in-memory store for `@fastify/rate-limit`, fixed for bursts. Its own LocalStore (11.2) hands
 * every caller the same mutable counter object, and the plugin reads the count only after an
 * `await`: requests arriving together all saw the final count, so a burst of max + 1 requests was
 * refused entirely instead of only its last request. This store passes each caller a copy taken
 * at the moment it was counted. Everything else is LocalStore's (window, TTL, LRU of 5,000 keys).
 */
import { createRequire } from 'node:module';
import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';

type Callback = Parameters<FastifyRateLimitStore['incr']>[1];
type RouteOptions = Parameters<FastifyRateLimitStore['child']>[0];
/** LocalStore also has `read` (the plugin's `increment: false` peek), which the published types leave out. */
type Store = FastifyRateLimitStore & { read(key: string, callback: Callback, timeWindow: number, max: number): void };

const require = createRequire(import.meta.url);
const LocalStore = require('@fastify/rate-limit/store/LocalStore') as new (
  continueExceeding?: boolean,
  exponentialBackoff?: boolean,
) => Store;

const snapshot =
  (callback: Callback): Callback =>
  (error, result) =>
    callback(error, result === undefined ? undefined : { current: result.current, ttl: result.ttl });

export class SnapshotLocalStore implements Store {
  readonly #inner: Store;

  /** The plugin passes its resolved options, which carry `continueExceeding` and `exponentialBackoff` beside the published ones. */
  constructor(
    options: FastifyRateLimitOptions & { continueExceeding?: boolean; exponentialBackoff?: boolean },
    inner?: Store,
  ) {
    this.#inner = inner ?? new LocalStore(options.continueExceeding, options.exponentialBackoff);
  }

  incr(key: string, callback: Callback, timeWindow: number, max: number): void {
    this.#inner.incr(key, snapshot(callback), timeWindow, max);
  }

  read(key: string, callback: Callback, timeWindow: number, max: number): void {
    this.#inner.read(key, snapshot(callback), timeWindow, max);
  }

  child(routeOptions: RouteOptions): Store {
    return new SnapshotLocalStore({}, this.#inner.child(routeOptions) as Store);
  }
}
