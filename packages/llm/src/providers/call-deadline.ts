/**
 * One abort signal for a model call that fires on the caller's cancel, on the whole-call deadline
 * (`timeoutMs`) or when no token arrived for `idleTimeoutMs`, and remembers which one it was so the
 * failure is reported as `cancelled` or `timeout`, not as whatever the SDK made of the abort.
 */

/** Why the call's signal fired. */
export type DeadlineReason = 'cancelled' | 'timeout' | 'idle';

export interface CallDeadline {
  signal: AbortSignal;
  /** Set once the signal fired. */
  readonly reason: DeadlineReason | undefined;
  /** Restarts the idle timer; call it on every chunk. */
  touch(): void;
  /** Clears the timers once the call is over. */
  dispose(): void;
}

/** Starts the timers now. */
export function startCallDeadline(options: {
  timeoutMs?: number;
  idleTimeoutMs?: number;
  signal?: AbortSignal;
}): CallDeadline {
  const controller = new AbortController();
  let reason: DeadlineReason | undefined;
  const fire = (why: DeadlineReason): void => {
    if (reason !== undefined) return;
    reason = why;
    controller.abort(new DOMException(`model call ${why}`, why === 'cancelled' ? 'AbortError' : 'TimeoutError'));
  };
  const onCallerAbort = (): void => {
    fire('cancelled');
  };
  if (options.signal?.aborted === true) fire('cancelled');
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const totalTimer = options.timeoutMs === undefined ? undefined : setTimeout(fire, options.timeoutMs, 'timeout');
  let idleTimer: NodeJS.Timeout | undefined;
  const touch = (): void => {
    if (options.idleTimeoutMs === undefined) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(fire, options.idleTimeoutMs, 'idle');
  };
  touch();
  return {
    signal: controller.signal,
    get reason() {
      return reason;
    },
    touch,
    dispose() {
      clearTimeout(totalTimer);
      clearTimeout(idleTimer);
      options.signal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
