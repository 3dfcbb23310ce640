// Records the statements a pool's connections send while a request runs — the query config drizzle
// hands to `pg` (text, parameters, row mode, type parsers, name when prepared) — and replays them
// through another pool: the baseline "same SQL through pg directly". Statements are grouped in waves as
// the code issued them: a statement sent while another of the same request is still in flight joins its
// wave (Promise.all in the code), one sent when none is in flight starts the next wave (an await).
import pg from 'pg';

export type Statement = { text: string; values?: unknown[]; rowMode?: 'array'; types?: unknown; name?: string };
export type Wave = Statement[];

type Recording = { waves: Wave[]; inFlight: number };
type QueryArgs = [unknown, unknown?, unknown?];

const watched = new WeakSet<pg.Client>();
let recording: Recording | null = null;

function statementOf(args: QueryArgs): Statement | null {
  const [first, second] = args;
  if (typeof first === 'string') return { text: first, ...(Array.isArray(second) ? { values: second } : {}) };
  if (typeof first !== 'object' || first === null || !('text' in first)) return null;
  const config = first as Statement;
  const values = Array.isArray(second) ? second : config.values;
  return {
    text: config.text,
    ...(values ? { values } : {}),
    ...(config.rowMode ? { rowMode: config.rowMode } : {}),
    ...(config.types ? { types: config.types } : {}),
    ...(config.name ? { name: config.name } : {}),
  };
}

function note(statement: Statement): () => void {
  const current = recording;
  if (!current) return () => undefined;
  if (current.inFlight === 0 || current.waves.length === 0) current.waves.push([]);
  current.waves.at(-1)?.push(statement);
  current.inFlight += 1;
  return () => {
    current.inFlight -= 1;
  };
}

/** Patches pg's Client once: the connections of `pool` are recorded while a recording runs. */
export function watchPool(pool: pg.Pool): void {
  pool.on('connect', (client) => watched.add(client));
  const prototype = pg.Client.prototype as unknown as { query: (...args: QueryArgs) => unknown; __benchPatched?: true };
  if (prototype.__benchPatched) return;
  const original = prototype.query;
  prototype.query = function patched(this: pg.Client, ...args: QueryArgs) {
    const statement = recording && watched.has(this) ? statementOf(args) : null;
    if (!statement) return original.apply(this, args);
    const done = note(statement);
    const callbackAt = args.findIndex((arg) => typeof arg === 'function');
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (...results: unknown[]) => void;
      args[callbackAt] = (...results: unknown[]) => {
        done();
        callback(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) void result.finally(done).catch(() => undefined);
    else done();
    return result;
  };
  prototype.__benchPatched = true;
}

/** Runs `work` alone and returns the statements it sent through watched pools, in waves. */
export async function record(work: () => Promise<void>): Promise<Wave[]> {
  if (recording) throw new Error('one recording at a time');
  const current: Recording = { waves: [], inFlight: 0 };
  recording = current;
  try {
    await work();
  } finally {
    recording = null;
  }
  return current.waves;
}

/** Sends the waves through `pool`: one wave after another, a wave's statements together. */
export async function replay(pool: pg.Pool, waves: readonly Wave[]): Promise<number> {
  let rows = 0;
  for (const wave of waves) {
    const results = await Promise.all(wave.map((statement) => pool.query(statement as pg.QueryConfig)));
    rows += results.reduce((sum, result) => sum + (result.rowCount ?? result.rows.length), 0);
  }
  return rows;
}
