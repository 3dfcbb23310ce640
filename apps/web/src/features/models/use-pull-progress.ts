import { useEffect, useState } from 'react';
import { api, API_BASE } from '../../lib/api.ts';
import type { PullView } from './llm-types.ts';

/** A `progress` event of `GET /ollama/pulls/:pullId/events`. */
interface ProgressEvent {
  status: string;
  percent: number | null;
}

function parseEvent<T>(event: MessageEvent<unknown>): T | undefined {
  try {
    return typeof event.data === 'string' ? (JSON.parse(event.data) as T) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Follows a model download: the Server-Sent Events stream while it runs (percent and Ollama's words
 * for the step), falling back to polling once a second if the stream breaks. Ends with the final pull.
 */
export function usePullProgress(initial: PullView | null): PullView | null {
  const [pull, setPull] = useState<PullView | null>(initial);
  const pullId = initial?.pullId;

  useEffect(() => {
    setPull(initial);
    if (!initial || initial.status !== 'running') return undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let closed = false;
    const source = new EventSource(`${API_BASE}/ollama/pulls/${encodeURIComponent(initial.pullId)}/events`);
    source.addEventListener('progress', (event) => {
      const progress = parseEvent<ProgressEvent>(event);
      if (!progress) return;
      setPull((current) => current && { ...current, step: progress.status, percent: progress.percent ?? current.percent });
    });
    source.addEventListener('done', (event) => {
      closed = true;
      source.close();
      const final = parseEvent<PullView>(event);
      if (final) setPull(final);
    });
    source.onerror = () => {
      if (closed) return;
      source.close();
      // The stream broke before `done`: ask for the pull's state until it ends.
      timer = setInterval(() => {
        api.get<PullView>(`/ollama/pulls/${encodeURIComponent(initial.pullId)}`).then((view) => {
          setPull(view);
          if (view.status !== 'running') clearInterval(timer);
        }).catch(() => clearInterval(timer));
      }, 1000);
    };
    return () => {
      closed = true;
      source.close();
      clearInterval(timer);
    };
    // Restarts only for a new pull: `initial` is a new object on every render of the form.
  }, [pullId]);

  return pull;
}
