/**
 * The timers and signals of one streamed call: the caller's abort, a whole-call deadline and an
 * idle timer that restarts on every chunk. They feed one AbortSignal for the HTTP request, and
 * remember which of them fired, so a stopped call is reported as `cancelled` or `timeout` by cause
 * rather than guessed from whatever error the aborted stream threw.
 */

/** Why the call was stopped by us (not by the server). */
export type StopCause = 'cancelled' | 'deadline' | 'idle';

export interface CallControl {
  /** Aborts when the caller aborts, the deadline passes, or the stream is idle too long. */
  signal: AbortSignal;
  /** Which of them fired first, if any. */
  stopped(): StopCause | undefined;
  /** Call on every chunk received: restarts the idle timer. */
  touch(): void;
  /** Clears the timers and the caller listener; call once the call settled. */
  dispose(): void;
}

export interface CallControlOptions {
  callerSignal: AbortSignal | undefined;
  timeoutMs: number;
  idleTimeoutMs: number;
}

/** Starts the deadline and the idle timer now. */
export function startCallControl(options: CallControlOptions): CallControl {
  const controller = new AbortController();
  let cause: StopCause | undefined;
  const stop = (why: StopCause): void => {
    if (cause !== undefined) return;
    cause = why;
    controller.abort(new DOMException(`call stopped: ${why}`, why === 'cancelled' ? 'AbortError' : 'TimeoutError'));
  };
  const onCallerAbort = (): void => stop('cancelled');
  const { callerSignal } = options;
  if (callerSignal?.aborted === true) stop('cancelled');
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const deadline = setTimeout(() => stop('deadline'), options.timeoutMs);
  const idle = setTimeout(() => stop('idle'), options.idleTimeoutMs);
  return {
    signal: controller.signal,
    stopped: () => cause,
    touch: () => {
      idle.refresh();
    },
    dispose: () => {
      clearTimeout(deadline);
      clearTimeout(idle);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
