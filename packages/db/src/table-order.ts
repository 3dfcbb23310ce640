import type pg from 'pg';

/**
 * `storedColumns`: the columns a restore writes, in order; generated columns (`GENERATED ALWAYS AS …
 * STORED`) are left out, PostgreSQL computes them again and refuses a value for them.
 */
export type TableInfo = { name: string; hasIdentity: boolean; identityColumns: string[]; storedColumns: string[] };

/** Plume's tables in schema `public`, parents before children (by foreign keys), for backup and restore. */
export async function listTablesInDependencyOrder(client: pg.Client): Promise<TableInfo[]> {
  const tables = await client.query<{ name: string; identity: string[] | null; stored: string[] | null }>(`
    SELECT c.relname AS name,
           array_remove(array_agg(a.attname::text) FILTER (WHERE a.attidentity <> ''), NULL) AS identity,
           array_remove(array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attgenerated = ''), NULL) AS stored
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind = 'r'
    GROUP BY c.relname ORDER BY c.relname`);
  const edges = await client.query<{ child: string; parent: string }>(`
    SELECT cl.relname AS child, pl.relname AS parent
    FROM pg_constraint k
    JOIN pg_class cl ON cl.oid = k.conrelid
    JOIN pg_class pl ON pl.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public' AND cl.relname <> pl.relname`);

  const parents = new Map<string, Set<string>>();
  for (const edge of edges.rows) {
    const set = parents.get(edge.child) ?? new Set<string>();
    set.add(edge.parent);
    parents.set(edge.child, set);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name)) return;
    path.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent, path);
    placed.add(name);
    ordered.push(name);
  };
  for (const table of tables.rows) visit(table.name, new Set());
  const byName = new Map(tables.rows.map((row) => [row.name, row.identity ?? []]));
  const storedByName = new Map(tables.rows.map((row) => [row.name, row.stored ?? []]));
  return ordered.map((name) => ({
    name,
    identityColumns: byName.get(name) ?? [],
    hasIdentity: (byName.get(name) ?? []).length > 0,
    storedColumns: storedByName.get(name) ?? [],
  }));
}
