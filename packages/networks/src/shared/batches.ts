/**
 * Splits ids into the batches a network's lookup endpoint accepts, keeping their order.
 * @example
 * chunksOf(['a', 'b', 'c'], 2); // [['a', 'b'], ['c']]
 */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`batch size must be a positive integer, got ${size}`);
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Copies the numeric fields a network reported under Plume's names; absent or non-numeric ones stay absent. */
export function pickCounts<K extends string>(
  source: Readonly<Record<string, unknown>>,
  fields: Readonly<Partial<Record<K, string>>>,
): Partial<Record<K, number>> {
  const values: Partial<Record<K, number>> = {};
  for (const [name, field] of Object.entries(fields) as [K, string][]) {
    const raw = source[field];
    const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
    if (typeof value === 'number' && Number.isFinite(value)) values[name] = value;
  }
  return values;
}
