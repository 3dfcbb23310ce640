/**
 * Caps how many publishes run at once per network in this process (the manifest's
 * `publishConcurrency`), so a burst of due posts does not trip a network's concurrency limits.
 */
export interface NetworkLimiter {
  run<T>(network: string, limit: number, task: () => Promise<T>): Promise<T>;
}

export function createNetworkLimiter(): NetworkLimiter {
  const active = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();

  const release = (network: string) => {
    const next = waiting.get(network)?.shift();
    if (next !== undefined) next();
    else active.set(network, (active.get(network) ?? 1) - 1);
  };

  return {
    async run(network, limit, task) {
      const running = active.get(network) ?? 0;
      if (running < limit) active.set(network, running + 1);
      else await new Promise<void>((resolve) => waiting.set(network, [...(waiting.get(network) ?? []), resolve]));
      try {
        return await task();
      } finally {
        release(network);
      }
    },
  };
}
