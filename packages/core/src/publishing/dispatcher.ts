/**
 * The publishing dispatcher (docs/publishing.md, "The dispatcher"): a short look-ahead before targets
 * fall due it holds them in batches under a lease (dispatch-holds.ts; still pending, nothing started),
 * prepares each one (dispatch-prepare.ts) and keeps it in memory; at the due instant it fires the calls
 * through the host + app limiter, claiming each target and marking its call started in one batched
 * statement once its slot is taken, and records the outcomes in batches. The job path stays the safety
 * net: a held target's job waits until the lease ends, then publishes the target if this process died.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createMicroBatch } from './micro-batch.ts';
import { holdDueTargets, releaseHolds, startHeldCalls } from './dispatch-holds.ts';
import { prepareHeld, type ReadyTarget } from './dispatch-prepare.ts';
import { dequeuePublishJobs } from './publish-queue.ts';
import { sendPublish } from './publish-call.ts';
import type { PublishingBatches } from './publishing-batches.ts';
import type { PublishDeps } from './publish-target.ts';
import { limitKeyString } from './limit-key.ts';
import { recordOutcome, type Outcome } from './record-outcome.ts';

export type DispatchOptions = {
  /** Targets due within this are held and prepared. */
  lookaheadMs: number;
  /**
   * A hold lasts until due + this; the target's job runs then and publishes it unless a live dispatcher
   * still holds it. Sooner, the sweep puts back targets overdue by two minutes: their jobs publish the
   * targets of a dispatcher whose heartbeat stopped. A backlog longer than this goes to the jobs.
   */
  leaseAfterDueMs: number;
  /** Targets held per statement. */
  holdBatch: number;
  /** Targets held in memory at most. */
  maxHeld: number;
  /**
   * How often the look-ahead runs (each run reads the pending targets). A post scheduled closer to its
   * time than the look-ahead minus this is left to its job.
   */
  tickMs: number;
  /** Start statements (claim + call started) in flight at once. */
  startBatches: number;
};

export const DEFAULT_DISPATCH: DispatchOptions = {
  lookaheadMs: 30_000,
  leaseAfterDueMs: 300_000,
  holdBatch: 500,
  maxHeld: 20_000,
  tickMs: 5000,
  startBatches: 2,
};

export type DispatchDeps = PublishDeps & {
  batches: PublishingBatches;
  /** Told about trouble the dispatcher got over (a failed look-ahead, a retried record). */
  onError?: (error: unknown, what: string) => void;
};

export interface PublishDispatcher {
  /** Holds and prepares what falls due within the look-ahead; the number of targets taken. */
  tick(): Promise<number>;
  /** Runs `tick` every `tickMs` until stopped. */
  start(): void;
  /** Targets held and not fired yet. */
  heldCount(): number;
  /** Resolves when every fired call is recorded. */
  settled(): Promise<void>;
  /** Stops: held targets not fired are given back to the job path; calls in flight finish and are recorded. */
  stop(): Promise<void>;
  /** Drops everything without a word to the database, as a crashed process would (tests). */
  abandon(): void;
}

type Call = { attemptId: string; outcome: Outcome };

export function createPublishDispatcher(deps: DispatchDeps, options: Partial<DispatchOptions> = {}): PublishDispatcher {
  const settings = { ...DEFAULT_DISPATCH, ...options };
  const { db, runnerId } = deps;
  const report = deps.onError ?? (() => undefined);
  /** Prepared targets by due instant (ms). */
  const waiting = new Map<number, ReadyTarget[]>();
  let held = 0;
  let timer: NodeJS.Timeout | undefined;
  let armedAt = Number.POSITIVE_INFINITY;
  let interval: NodeJS.Timeout | undefined;
  let stopped = false;
  let ticking: Promise<number> | null = null;
  const inFlight = new Set<Promise<void>>();

  // Every item waiting here is a network slot taken and idle: two start statements may run at once.
  const starts = createMicroBatch<{ targetId: string; version: string }, string | null>(
    async (items) => {
      try {
        return await startHeldCalls(db, runnerId, items);
      } catch (error) {
        report(error, 'starting held calls');
        return items.map(() => null);
      }
    },
    100,
    settings.startBatches,
  );
  const releases = createMicroBatch<string, void>(async (ids) => {
    await releaseHolds(db, runnerId, ids);
    return ids.map(() => undefined);
  });
  // A published target's job (waiting for the lease's end) is not needed any more.
  const finishedJobs = createMicroBatch<string, void>(async (ids) => {
    await dequeuePublishJobs(db, ids).catch((error: unknown) => report(error, 'removing finished jobs'));
    return ids.map(() => undefined);
  });

  function arm(): void {
    const next = Math.min(...waiting.keys());
    if (next === armedAt || !Number.isFinite(next)) return;
    if (timer !== undefined) clearTimeout(timer);
    armedAt = next;
    timer = setTimeout(fireDue, Math.max(0, next - Date.now()));
  }

  function fireDue(): void {
    timer = undefined;
    armedAt = Number.POSITIVE_INFINITY;
    if (stopped) return;
    const now = Date.now();
    for (const [due, ready] of waiting) {
      // Timers may wake a millisecond early.
      if (due > now + 2) continue;
      waiting.delete(due);
      held -= ready.length;
      for (const item of ready) track(fire(item));
    }
    arm();
  }

  function track(work: Promise<void>): void {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }

  async function fire(ready: ReadyTarget): Promise<void> {
    const { target } = ready.held;
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const call = await deps.limiter.call(ready.limits, async (): Promise<Call | null> => {
      // The claim and the call's start in one statement, once the slot is taken: a crash before it
      // leaves the target pending and held (its job publishes it), one after it makes it `unconfirmed`.
      const attemptId = await starts.add({ targetId: target.id, version: ready.held.version });
      if (attemptId === null) return null;
      const { provider, context, auth, request } = ready;
      const outcome = await sendPublish(deps, {
        provider,
        context,
        auth,
        request,
        accountId: target.accountId,
        elapsed,
      });
      return { attemptId, outcome };
    });
    // Changed, cancelled, throttled or paused since it was prepared: the job path decides.
    if (call === null) return releases.add(target.id).catch((error: unknown) => report(error, 'releasing'));
    await recordWithRetries(ready, call);
  }

  async function recordWithRetries(ready: ReadyTarget, call: Call): Promise<void> {
    for (let tries = 1; ; tries += 1) {
      try {
        await record(ready, call);
        return;
      } catch (error) {
        report(error, 'recording an outcome');
        if (tries >= 5) return;
        await sleep(500 * tries);
      }
    }
  }

  async function record(ready: ReadyTarget, { attemptId, outcome }: Call): Promise<void> {
    const { target, post } = ready.held;
    const measure = ready.measure === undefined ? {} : { measure: ready.measure };
    const input = { targetId: target.id, attemptId, postId: post.id, outcome, ...measure };
    if (outcome.kind === 'published') {
      const item = {
        targetId: target.id,
        attemptId,
        result: outcome.result,
        durationMs: outcome.durationMs,
        ...measure,
      };
      const recorded = await deps.batches.recordPublished(
        outcome.warning === undefined ? item : { ...item, warning: outcome.warning },
      );
      if (!recorded) await recordOutcome(deps, input);
      void finishedJobs.add(target.id);
      return;
    }
    if (outcome.kind === 'rate_limited' && outcome.scope === 'app')
      deps.limiter.pause({ key: ready.limits.key }, Date.now() + Math.max(1000, outcome.retryAfterMs));
    await recordOutcome(deps, { ...input, limitKey: limitKeyString(ready.limits.key) });
  }

  async function holdBatch(): Promise<number> {
    const room = Math.min(settings.holdBatch, settings.maxHeld - held);
    if (room <= 0 || stopped) return 0;
    const batch = await holdDueTargets(db, { runnerId, ...settings, limit: room });
    const failed: string[] = [];
    await Promise.all(
      batch.map(async (target) => {
        try {
          const ready = await prepareHeld(deps, target);
          const due = target.due.getTime();
          const list = waiting.get(due);
          if (list === undefined) waiting.set(due, [ready]);
          else list.push(ready);
          held += 1;
        } catch {
          // Not ready (account disconnected, content refused…): the job path records why, at due time.
          failed.push(target.target.id);
        }
      }),
    );
    if (failed.length > 0) await releaseHolds(db, runnerId, failed);
    if (stopped) return batch.length;
    arm();
    return batch.length;
  }

  async function tick(): Promise<number> {
    let total = 0;
    for (;;) {
      const took = await holdBatch();
      total += took;
      if (took < settings.holdBatch) return total;
    }
  }

  function runTick(): Promise<number> {
    ticking ??= tick()
      .catch((error: unknown) => {
        report(error, 'holding due targets');
        return 0;
      })
      .finally(() => {
        ticking = null;
      });
    return ticking;
  }

  return {
    tick: runTick,
    start() {
      interval ??= setInterval(() => void runTick(), settings.tickMs);
      interval.unref();
      void runTick();
    },
    heldCount: () => held,
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    async stop() {
      stopped = true;
      clearInterval(interval);
      clearTimeout(timer);
      await ticking;
      const ids = [...waiting.values()].flat().map((ready) => ready.held.target.id);
      waiting.clear();
      held = 0;
      await releaseHolds(db, runnerId, ids);
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    abandon() {
      stopped = true;
      clearInterval(interval);
      clearTimeout(timer);
      waiting.clear();
      held = 0;
    },
  };
}
