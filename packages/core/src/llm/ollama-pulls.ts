/**
 * Model downloads in progress, kept in the process (Ollama is one per instance): one pull per model
 * name, its progress events for late listeners, cancellation, and finished pulls kept for 10 minutes
 * so a page that reconnects still learns how it ended.
 */
import { randomUUID } from 'node:crypto';
import type { OllamaManager, PullProgress } from '@plume/llm/ollama/ollama-manager';
import { OllamaManagerError, type OllamaManagerErrorKind } from '@plume/llm/ollama/ollama-manager-error';

export type PullStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export type PullEvent = { seq: number; status: string; percent: number | null; completed?: number; total?: number };

export type PullView = {
  pullId: string;
  model: string;
  status: PullStatus;
  percent: number;
  step: string;
  error: { kind: OllamaManagerErrorKind; message: string } | null;
  startedAt: string;
  finishedAt: string | null;
};

type Pull = PullView & {
  events: PullEvent[];
  listeners: Set<(event: PullEvent | null) => void>;
  controller: AbortController;
  finishedAtMs: number | null;
};

/** Events kept per pull for replay: Ollama sends one line per chunk, only changes of step or percent are kept. */
const MAX_EVENTS = 400;
export const FINISHED_KEEP_MS = 10 * 60_000;

export type PullRegistry = ReturnType<typeof createPullRegistry>;

export function createPullRegistry(deps: { manager: OllamaManager; keepMs?: number; now?: () => number }) {
  const keepMs = deps.keepMs ?? FINISHED_KEEP_MS;
  const now = deps.now ?? Date.now;
  const pulls = new Map<string, Pull>();

  const prune = () => {
    for (const [id, pull] of pulls)
      if (pull.finishedAtMs !== null && now() - pull.finishedAtMs > keepMs) pulls.delete(id);
  };
  const view = (pull: Pull): PullView => ({
    pullId: pull.pullId,
    model: pull.model,
    status: pull.status,
    percent: pull.percent,
    step: pull.step,
    error: pull.error,
    startedAt: pull.startedAt,
    finishedAt: pull.finishedAt,
  });
  const emit = (pull: Pull, event: PullEvent | null) => {
    for (const listener of pull.listeners) listener(event);
  };

  function record(pull: Pull, progress: PullProgress): void {
    const percent = progress.percent ?? null;
    const last = pull.events.at(-1);
    if (percent !== null) pull.percent = percent;
    pull.step = progress.status;
    if (last && last.status === progress.status && last.percent === percent) return;
    const event: PullEvent = {
      seq: (last?.seq ?? 0) + 1,
      status: progress.status,
      percent,
      ...(progress.completed === undefined ? {} : { completed: progress.completed }),
      ...(progress.total === undefined ? {} : { total: progress.total }),
    };
    pull.events.push(event);
    if (pull.events.length > MAX_EVENTS) pull.events.splice(1, 1);
    emit(pull, event);
  }

  function finish(pull: Pull, status: PullStatus, error: PullView['error']): void {
    pull.status = status;
    pull.error = error;
    pull.finishedAtMs = now();
    pull.finishedAt = new Date(pull.finishedAtMs).toISOString();
    emit(pull, null);
    pull.listeners.clear();
  }

  return {
    /**
     * Starts pulling `model`, or returns the pull already running for it. Refuses a model that will
     * not fit (OllamaManagerError `does_not_fit`) before anything is downloaded, unless `force`.
     */
    start(model: string, options: { force?: boolean } = {}): PullView {
      prune();
      const running = [...pulls.values()].find((pull) => pull.model === model && pull.status === 'running');
      if (running) return view(running);
      const fit = deps.manager.checkFits({ name: model });
      if (!fit.fits && options.force !== true) throw new OllamaManagerError('does_not_fit', fit.reason);
      const pull: Pull = {
        pullId: randomUUID(),
        model,
        status: 'running',
        percent: 0,
        step: 'starting',
        error: null,
        startedAt: new Date(now()).toISOString(),
        finishedAt: null,
        finishedAtMs: null,
        events: [],
        listeners: new Set(),
        controller: new AbortController(),
      };
      pulls.set(pull.pullId, pull);
      deps.manager
        .pull(model, (progress) => record(pull, progress), { signal: pull.controller.signal, force: true })
        .then(() => finish(pull, 'succeeded', null))
        .catch((error: unknown) => {
          const failure =
            error instanceof OllamaManagerError
              ? error
              : new OllamaManagerError('failed', error instanceof Error ? error.message : String(error));
          finish(pull, failure.kind === 'cancelled' ? 'cancelled' : 'failed', {
            kind: failure.kind,
            message: failure.message,
          });
        });
      return view(pull);
    },
    get(pullId: string): PullView | null {
      prune();
      const pull = pulls.get(pullId);
      return pull ? view(pull) : null;
    },
    /** Stops a running pull; false when there is no such pull. A finished pull stays as it ended. */
    cancel(pullId: string): boolean {
      const pull = pulls.get(pullId);
      if (!pull) return false;
      if (pull.status === 'running') pull.controller.abort();
      return true;
    },
    /**
     * The events so far, then each new one as it comes; `null` says the pull ended. Returns null
     * for an unknown pull, else the function that stops listening.
     */
    subscribe(
      pullId: string,
      listener: (event: PullEvent | null) => void,
    ): { past: PullEvent[]; view: PullView; unsubscribe: () => void } | null {
      const pull = pulls.get(pullId);
      if (!pull) return null;
      if (pull.status === 'running') pull.listeners.add(listener);
      return { past: [...pull.events], view: view(pull), unsubscribe: () => pull.listeners.delete(listener) };
    },
    /** Aborts every running pull (the server is shutting down). */
    stopAll(): void {
      for (const pull of pulls.values()) if (pull.status === 'running') pull.controller.abort();
    },
  };
}
