// Counts the SQL statements the plan bench's process sends while counting is on, and the time each kind
// waited for its answer (statement text with its parameters left out, grouped by its first 90 characters),
// so the report can say where Plume's wall time went besides the model.
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export type SqlKind = { statement: string; count: number; ms: number };
export type SqlStats = { statements: number; ms: number; kinds: SqlKind[] };

type QueryArgs = [unknown, ...unknown[]];
let counting: Map<string, { count: number; ms: number }> | null = null;
let patched = false;

function textOf(first: unknown): string {
  if (typeof first === 'string') return first;
  if (typeof first === 'object' && first !== null && 'text' in first) return String(first.text);
  return '(not a statement)';
}

function note(text: string, from: number): void {
  if (counting === null) return;
  const key = text.replace(/\s+/g, ' ').slice(0, 90);
  const entry = counting.get(key) ?? { count: 0, ms: 0 };
  entry.count += 1;
  entry.ms += performance.now() - from;
  counting.set(key, entry);
}

/** Patches pg's Client once (promise-style queries, as drizzle sends them). */
export function watchSql(): void {
  if (patched) return;
  patched = true;
  const prototype = pg.Client.prototype as unknown as { query: (...args: QueryArgs) => unknown };
  const original = prototype.query;
  prototype.query = function counted(this: pg.Client, ...args: QueryArgs) {
    const result = original.apply(this, args);
    if (counting === null || !(result instanceof Promise)) return result;
    const from = performance.now();
    const text = textOf(args[0]);
    return result.finally(() => note(text, from));
  };
}

export function startCounting(): void {
  counting = new Map();
}

export function stopCounting(): SqlStats {
  const entries = [...(counting ?? new Map<string, { count: number; ms: number }>()).entries()];
  counting = null;
  const kinds = entries
    .map(([statement, entry]) => ({ statement, ...entry }))
    .sort((left, right) => right.ms - left.ms);
  return {
    statements: kinds.reduce((sum, kind) => sum + kind.count, 0),
    ms: kinds.reduce((sum, kind) => sum + kind.ms, 0),
    kinds,
  };
}
