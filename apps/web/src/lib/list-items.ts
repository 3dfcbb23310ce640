/** A list answer: the contract wraps lists as `{ items }`; a bare array is accepted too. */
export type ListBody<T> = { items: T[] } | T[];

/** Unwraps a list answer into its items. */
export function listItems<T>(body: ListBody<T> | null | undefined): T[] {
  if (!body) return [];
  return Array.isArray(body) ? body : body.items;
}

/** A paginated list answer (`?limit=&cursor=`). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
