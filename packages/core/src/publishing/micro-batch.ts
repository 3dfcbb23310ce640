/**
 * Gathers the items that concurrent jobs of this process hand in and runs them as one batch: one SQL
 * statement for many targets instead of one each (docs/benchmarks.md, publishing). One batch runs at a
 * time; what arrives meanwhile waits for the next, so batches grow with the load and a lone item
 * waits only for the current event-loop turn. `run` returns one result per item, in order.
 */
export interface MicroBatch<In, Out> {
  add(item: In): Promise<Out>;
}

type Pending<In, Out> = { item: In; resolve: (out: Out) => void; reject: (error: unknown) => void };

export function createMicroBatch<In, Out>(
  run: (items: readonly In[]) => Promise<readonly Out[]>,
  maxSize = 100,
): MicroBatch<In, Out> {
  let queue: Pending<In, Out>[] = [];
  let busy = false;

  async function flush(): Promise<void> {
    busy = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxSize);
      queue = queue.slice(batch.length);
      try {
        const results = await run(batch.map((pending) => pending.item));
        if (results.length !== batch.length) throw new Error('a batch returned a different number of results');
        batch.forEach((pending, index) => pending.resolve(results[index] as Out));
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    busy = false;
  }

  return {
    add(item) {
      return new Promise<Out>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!busy) {
          busy = true;
          setImmediate(() => void flush());
        }
      });
    },
  };
}
