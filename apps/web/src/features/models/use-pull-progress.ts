import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { pullProgressEventSchema, pullView, type PullView } from '@plume/contract/ollama/ollama-schemas';
import type { Wire } from '@plume/contract/wire';
import { api, API_BASE, readAnswer } from '../../lib/api.ts';

/** The JSON of one Server-Sent Event, read through the contract's schema for it. */
function parseEvent<Schema extends z.ZodType>(
  event: MessageEvent<unknown>,
  schema: Schema,
  name: string,
): Wire<Schema> | undefined {
  if (typeof event.data !== 'string') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    return undefined;
  }
  return readAnswer(schema, data, `the ${name} event of GET /ollama/pulls/:pullId/events`);
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
      const progress = parseEvent(event, pullProgressEventSchema, 'progress');
      if (!progress) return;
      setPull(
        (current) => current && { ...current, step: progress.status, percent: progress.percent ?? current.percent },
      );
    });
    source.addEventListener('done', (event) => {
      closed = true;
      source.close();
      const final = parseEvent(event, pullView, 'done');
      if (final) setPull(final);
    });
    source.onerror = () => {
      if (closed) return;
      source.close();
      // The stream broke before `done`: ask for the pull's state until it ends.
      timer = setInterval(() => {
        api
          .get(`/ollama/pulls/${encodeURIComponent(initial.pullId)}`, pullView)
          .then((view) => {
            setPull(view);
            if (view.status !== 'running') clearInterval(timer);
          })
          .catch(() => clearInterval(timer));
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
