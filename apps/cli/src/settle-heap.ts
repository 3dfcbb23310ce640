import v8 from 'node:v8';
import vm from 'node:vm';

type GarbageCollect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * Gives back the memory start-up needed and the running server does not: called once by `serve`, when
 * everything is loaded and built and before Plume listens, so no request waits on it.
 *
 * While modules load, nearly every object allocated survives (code, schemas, the route table), and
 * V8 reads that as a program that keeps what it allocates: it doubles its young generation at each
 * collection, up to 2 × 64 MB on a machine with a few GB of memory, then keeps it at that size for
 * as long as the process lives (measured: 262 MB resident after 5 s idle). One collection that
 * reduces memory — the one V8 runs before giving up on an allocation — compacts the heap and shrinks
 * the young generation back to its minimum, from which it grows again only if the load needs it
 * (150 MB idle; bench:api and docs/benchmarks.md). It is a full collection, repeated until nothing more
 * is freed: 150–250 ms on the shared 2-core benchmark machine, once.
 *
 * The collector is not exposed to scripts without `--expose-gc`, so this exposes it to a throwaway
 * context (what the `expose-gc` package does) and turns the flag off again.
 */
export function settleHeap(): void {
  v8.setFlagsFromString('--expose-gc');
  const collect = vm.runInNewContext('gc') as GarbageCollect;
  v8.setFlagsFromString('--no-expose-gc');
  collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
