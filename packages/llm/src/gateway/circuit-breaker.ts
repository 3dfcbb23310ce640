/**
 * Per-provider circuit breakers, kept in the process. After `failureThreshold` failures in a row a
 * provider is skipped for `coolDownMs` (or for as long as its `Retry-After` asked); then one trial
 * call is let through (half-open) and its result closes or re-opens the circuit.
 */
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  failureThreshold?: number;
  coolDownMs?: number;
  now?: () => number;
}

export interface BreakerView {
  state: BreakerState;
  failures: number;
  /** When an open circuit lets a trial call through (ms since epoch). */
  retryAt: number | null;
}

export interface CircuitBreakers {
  /** True when a call may go to the provider now; takes the half-open trial slot when it does. */
  tryAcquire(providerKey: string): boolean;
  recordSuccess(providerKey: string): void;
  /** `openForMs` opens the circuit at once (a 429 with Retry-After) whatever the failure count. */
  recordFailure(providerKey: string, openForMs?: number): void;
  view(providerKey: string): BreakerView;
}

type Entry = { failures: number; openUntil: number; trialInFlight: boolean };

export function createCircuitBreakers(options: BreakerOptions = {}): CircuitBreakers {
  const failureThreshold = options.failureThreshold ?? 3;
  const coolDownMs = options.coolDownMs ?? 30_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const entry = (key: string): Entry => {
    let found = entries.get(key);
    if (found === undefined) {
      found = { failures: 0, openUntil: 0, trialInFlight: false };
      entries.set(key, found);
    }
    return found;
  };
  const stateOf = (current: Entry): BreakerState => {
    if (current.openUntil === 0) return 'closed';
    return now() < current.openUntil ? 'open' : 'half_open';
  };

  return {
    tryAcquire(key) {
      const current = entry(key);
      const state = stateOf(current);
      if (state === 'closed') return true;
      if (state === 'open' || current.trialInFlight) return false;
      current.trialInFlight = true;
      return true;
    },
    recordSuccess(key) {
      entries.set(key, { failures: 0, openUntil: 0, trialInFlight: false });
    },
    recordFailure(key, openForMs) {
      const current = entry(key);
      current.failures += 1;
      current.trialInFlight = false;
      const wasTrying = current.openUntil !== 0;
      if (openForMs !== undefined || wasTrying || current.failures >= failureThreshold) {
        current.openUntil = now() + (openForMs === undefined ? coolDownMs : Math.max(1000, openForMs));
      }
    },
    view(key) {
      const current = entry(key);
      const state = stateOf(current);
      return { state, failures: current.failures, retryAt: state === 'closed' ? null : current.openUntil };
    },
  };
}
