/**
 * Gathers the items that concurrent jobs of this process hand in and runs them as one batch: one SQL
 * statement for many targets instead of one each (docs/benchmarks.md, publishing). One batch runs at a
 * time (or `parallel`); what arrives meanwhile waits for the next, so batches grow with the load and a
 * lone item waits only for the current event-loop turn. `run` returns one result per item, in order.
 */
export interface MicroBatch<In, Out> {
  add(item: In): Promise<Out>;
}

type Pending<In, Out> = { item: In; resolve: (out: Out) => void; reject: (error: unknown) => void };

export function createMicroBatch<In, Out>(
  run: (items: readonly In[]) => Promise<readonly Out[]>,
  maxSize = 100,
  /**
   * Batches run at once. 1 (the default) gives the largest batches; more cut the wait of an item that
   * arrives while a batch runs (the dispatcher's call starts: each waiting item is a network slot idle).
   */
  parallel = 1,
): MicroBatch<In, Out> {
  let queue: Pending<In, Out>[] = [];
  let running = 0;
  let scheduled = false;

  async function runBatch(batch: readonly Pending<In, Out>[]): Promise<void> {
    try {
      const results = await run(batch.map((pending) => pending.item));
      if (results.length !== batch.length) throw new Error('a batch returned a different number of results');
      batch.forEach((pending, index) => pending.resolve(results[index] as Out));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxSize);
      queue = queue.slice(batch.length);
      await runBatch(batch);
    }
    running -= 1;
  }

  function schedule(): void {
    if (scheduled || running >= parallel) return;
    scheduled = true;
    running += 1;
    setImmediate(() => {
      scheduled = false;
      void drain();
    });
  }

  return {
    add(item) {
      return new Promise<Out>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}
