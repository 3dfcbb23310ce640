/**
 * A run's live progress for its SSE stream: the run is read every `everyMs` and sent as a `run` event
 * whenever it changed; after a finished run has been sent, the stream ends. A comment line keeps quiet
 * proxies from closing the stream.
 */
import type { RunView } from '@plume/core/agents/run-views';

export const POLL_MS = 500;
export const HEARTBEAT_MS = 25_000;
const OVER = new Set(['succeeded', 'failed', 'cancelled']);

export function followRun(input: {
  first: RunView;
  read: () => Promise<RunView>;
  write: (text: string) => void;
  end: () => void;
  everyMs?: number;
}): () => void {
  let last = '';
  let stopped = false;
  const send = (view: RunView): boolean => {
    const data = JSON.stringify(view);
    if (data !== last) {
      last = data;
      input.write(`id: ${view.id}\nevent: run\ndata: ${data}\n\n`);
    }
    if (!OVER.has(view.state)) return false;
    input.end();
    return true;
  };
  const heartbeat = setInterval(() => input.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const stop = () => {
    stopped = true;
    clearInterval(heartbeat);
    clearTimeout(timer);
  };
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    input
      .read()
      .then((view) => {
        if (stopped) return;
        if (send(view)) stop();
        else timer = setTimeout(tick, input.everyMs ?? POLL_MS);
      })
      // The database is unreachable: end; the browser's EventSource reconnects.
      .catch(() => {
        stop();
        input.end();
      });
  };
  input.write('retry: 3000\n\n');
  if (send(input.first)) stop();
  else timer = setTimeout(tick, input.everyMs ?? POLL_MS);
  return stop;
}
