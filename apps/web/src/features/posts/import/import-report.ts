import { ApiError } from '../../../lib/api.ts';

/** One row of an import report: `row` 1 is the first record after the header. */
export interface ImportRowReport {
  row: number;
  line: number;
  ok: boolean;
  errors: { path: string; message: string }[];
  postId?: string;
}

/** `POST …/posts/import` answers this for a check (200) and an import (201). */
export interface ImportReport {
  dryRun: boolean;
  ok: boolean;
  rows: ImportRowReport[];
  postIds: string[];
}

function isRowReport(value: unknown): value is ImportRowReport {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return typeof row.row === 'number' && typeof row.line === 'number' && typeof row.ok === 'boolean' && Array.isArray(row.errors);
}

/**
 * The per-row report inside a 422 `import_rejected` problem, so a refused import shows the same table
 * as a check; null for any other failure (400 unreadable file, 413 too big, network…).
 */
export function rejectedReport(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError) || error.code !== 'import_rejected') return null;
  const body = error.body as { rows?: unknown } | undefined;
  if (!Array.isArray(body?.rows)) return null;
  const rows = body.rows.filter(isRowReport);
  return { dryRun: false, ok: false, rows, postIds: [] };
}

/** How many rows would become posts, and how many have problems. */
export function summarizeReport(report: ImportReport): { good: number; bad: number } {
  const bad = report.rows.filter((row) => !row.ok).length;
  return { good: report.rows.length - bad, bad };
}

/** The column a problem path names, for people: `accounts/1` → `accounts (item 2)`, `row` → `whole row`. */
export function describeColumn(path: string): string {
  if (path === 'row' || path === '') return 'whole row';
  const parts = path.split('/');
  const [column, index] = parts;
  if (parts.length === 2 && index !== undefined && /^\d+$/.test(index)) return `${column} (item ${Number(index) + 1})`;
  return path.replace(/\//g, ' › ');
}
