/**
 * Reading vendors' JSON without trusting its shape: each helper answers undefined (or an empty list)
 * when the field is missing or of another type, so adapters decide what a gap means.
 */

/** A field of an object, when it is one. */
export function fieldOf(value: unknown, key: string): unknown {
  return value instanceof Object && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

/** An array field (empty when absent). */
export function listOf(value: unknown, key: string): unknown[] {
  const field = fieldOf(value, key);
  return Array.isArray(field) ? (field as unknown[]) : [];
}

/** A string field, or undefined. */
export function textOf(value: unknown, key: string): string | undefined {
  const field = fieldOf(value, key);
  return typeof field === 'string' ? field : undefined;
}
