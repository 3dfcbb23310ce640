import { AppError } from '@plume/errors/app-error';

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Cursors are opaque to clients: base64url of the last row's sort key. */
export function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!value || !/^[\w:.\-+]+$/.test(value)) throw AppError.validation('query/cursor', 'Not a cursor this API issued');
  return value;
}
