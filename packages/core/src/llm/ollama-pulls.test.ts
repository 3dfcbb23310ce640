import { describe, expect, it } from 'vitest';
import type { OllamaManager, PullProgress } from '@plume/llm/ollama/ollama-manager';
import { OllamaManagerError } from '@plume/llm/ollama/ollama-manager-error';
import { createPullRegistry, FINISHED_KEEP_MS, type PullEvent } from './ollama-pulls.ts';

/** A manager whose pull reports the steps it is handed and ends when the test says so. */
function stubManager(fits = true) {
  let finish: (error?: Error) => void = () => undefined;
  let report: (progress: PullProgress) => void = () => undefined;
  const manager = {
    checkFits: (footprint: { name: string }) => ({
      fits,
      neededBytes: 1,
      availableBytes: fits ? 2 : 0,
      reason: `${footprint.name} needs about 300 GiB`,
    }),
    pull: (_name: string, onProgress: (progress: PullProgress) => void, options?: { signal?: AbortSignal }) =>
      new Promise<void>((resolve, reject) => {
        report = onProgress;
        finish = (error) => (error ? reject(error) : resolve());
        options?.signal?.addEventListener('abort', () =>
          reject(new OllamaManagerError('cancelled', 'Stopped: cancelled.')),
        );
      }),
  } as unknown as OllamaManager;
  return { manager, report: (progress: PullProgress) => report(progress), finish: (error?: Error) => finish(error) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('pull registry', () => {
  it('keeps one pull per model, records changes only, and tells listeners how it ended', async () => {
    const stub = stubManager();
    const registry = createPullRegistry({ manager: stub.manager });
    const first = registry.start('llama3.2:1b');
    expect(registry.start('llama3.2:1b').pullId).toBe(first.pullId);
    const heard: Array<PullEvent | null> = [];
    registry.subscribe(first.pullId, (event) => heard.push(event));
    stub.report({ status: 'pulling abc', percent: 10 });
    stub.report({ status: 'pulling abc', percent: 10 });
    stub.report({ status: 'success', percent: 100 });
    stub.finish();
    await settle();
    expect(heard.map((event) => event?.percent ?? 'end')).toEqual([10, 100, 'end']);
    expect(registry.get(first.pullId)).toMatchObject({ status: 'succeeded', percent: 100 });
  });

  it('refuses what does not fit unless forced', () => {
    const registry = createPullRegistry({ manager: stubManager(false).manager });
    expect(() => registry.start('llama3.1:405b')).toThrow(OllamaManagerError);
    expect(registry.start('llama3.1:405b', { force: true }).status).toBe('running');
  });

  it('cancels, and forgets finished pulls after 10 minutes', async () => {
    let now = 1_000_000;
    const registry = createPullRegistry({ manager: stubManager().manager, now: () => now });
    const pull = registry.start('gemma2:2b');
    expect(registry.cancel(pull.pullId)).toBe(true);
    await settle();
    expect(registry.get(pull.pullId)).toMatchObject({ status: 'cancelled', error: { kind: 'cancelled' } });
    now += FINISHED_KEEP_MS + 1;
    expect(registry.get(pull.pullId)).toBeNull();
    expect(registry.cancel(pull.pullId)).toBe(false);
  });
});
